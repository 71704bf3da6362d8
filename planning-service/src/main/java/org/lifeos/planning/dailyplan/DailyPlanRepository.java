package org.lifeos.planning.dailyplan;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DailyPlanRepository implements PanacheRepositoryBase<DailyPlan, UUID> {

    public Optional<DailyPlan> of(UUID userId, LocalDate date) {
        return find("userId = ?1 and date = ?2", userId, date).firstResultOptional();
    }
}
