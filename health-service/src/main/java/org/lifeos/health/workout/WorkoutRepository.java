package org.lifeos.health.workout;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.health.NewestFirst;
import org.lifeos.health.workout.WorkoutEnums.WorkoutType;
import org.lifeos.platform.api.Keyset;

/** The caller's workouts (row-level security shows no one else's). */
@ApplicationScoped
public class WorkoutRepository implements PanacheRepositoryBase<Workout, UUID> {

    List<Workout> page(Optional<WorkoutType> type, Optional<LocalDate> from, Optional<LocalDate> to, Keyset keyset) {
        return new NewestFirst().and("type = :type", "type", type).and("date >= :from", "from", from)
                .and("date <= :to", "to", to).page(this, keyset);
    }
}
