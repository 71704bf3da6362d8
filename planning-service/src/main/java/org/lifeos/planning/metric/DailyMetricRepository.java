package org.lifeos.planning.metric;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DailyMetricRepository implements PanacheRepositoryBase<DailyMetric, UUID> {

    public Optional<DailyMetric> of(UUID userId, LocalDate date) {
        return find("userId = ?1 and date = ?2", userId, date).firstResultOptional();
    }
}
