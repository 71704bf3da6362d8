package org.lifeos.health.workout;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.health.UserZone;
import org.lifeos.health.workout.WorkoutDtos.WorkoutForm;
import org.lifeos.health.workout.WorkoutEnums.WorkoutType;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/** The caller's workouts; a workout's date is never after the caller's today (their time zone). */
@ApplicationScoped
public class WorkoutService {

    private final WorkoutRepository workouts;
    private final TenantContext context;
    private final UserZone zone;

    public WorkoutService(WorkoutRepository workouts, TenantContext context, UserZone zone) {
        this.workouts = workouts;
        this.context = context;
        this.zone = zone;
    }

    @Transactional
    public Workout create(WorkoutForm form) {
        return save(new Workout(context.circleId(), context.userId()), form, true);
    }

    @Transactional
    @ReadOnly
    public Workout get(UUID id) {
        return workouts.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("workout " + id));
    }

    @Transactional
    @ReadOnly
    public List<Workout> list(Optional<WorkoutType> type, Optional<LocalDate> from, Optional<LocalDate> to,
                              Keyset keyset) {
        return workouts.page(type, from, to, keyset);
    }

    @Transactional
    public Workout update(UUID id, String ifMatch, UnaryOperator<WorkoutForm> patch) {
        Workout workout = ETags.matching(get(id), ifMatch, w -> w.version);
        return save(workout, patch.apply(WorkoutForm.of(workout)), false);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        workouts.delete(ETags.matching(get(id), ifMatch, w -> w.version));
    }

    private Workout save(Workout w, WorkoutForm form, boolean create) {
        if (form.date.isAfter(zone.today())) {
            throw ProblemException.badField("date", "is after your today (" + zone.today() + ")");
        }
        w.date = form.date;
        w.type = form.type;
        w.title = form.title == null || form.title.isBlank() ? null : form.title.strip();
        w.durationMinutes = form.durationMinutes;
        w.intensity = form.intensity;
        w.distanceKm = form.distanceKm;
        w.calories = form.calories;
        w.notes = form.notes;
        if (create) {
            workouts.persist(w);
        }
        workouts.flush();
        return w;
    }
}
