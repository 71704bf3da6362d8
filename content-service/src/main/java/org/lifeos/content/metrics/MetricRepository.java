package org.lifeos.content.metrics;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Daily metrics of the current circle's items. */
@ApplicationScoped
public class MetricRepository implements PanacheRepositoryBase<ContentMetric, UUID> {

    Optional<ContentMetric> of(UUID itemId, LocalDate date) {
        return find("itemId = ?1 and date = ?2", itemId, date).firstResultOptional();
    }
}
