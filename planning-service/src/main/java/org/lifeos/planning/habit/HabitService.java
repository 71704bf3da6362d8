package org.lifeos.planning.habit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.lifeos.planning.domain.DomainRepository;
import org.lifeos.planning.habit.HabitDtos.CheckInForm;
import org.lifeos.planning.habit.HabitDtos.HabitForm;
import org.lifeos.planning.habit.HabitEvents.HabitChanged;
import org.lifeos.planning.habit.HabitEvents.HabitCheckedIn;
import org.lifeos.planning.habit.HabitEvents.HabitStreakBroken;
import org.lifeos.planning.habit.StreakCalculator.Streak;
import org.lifeos.planning.time.UserDay;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.outbox.Outbox;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Habits and their check-ins. Every check-in write locks its habit's row, so concurrent check-ins
 * of one habit are serialised and the streaks recomputed from all its check-ins stay exact.
 * Streaks are stored as of the caller's today at the last change and read as of the reader's today
 * ({@link #streakToday}); they are never written by clients.
 */
@ApplicationScoped
public class HabitService {

    public record CheckInResult(HabitCheckIn checkIn, Habit habit, boolean created) {
    }

    private final HabitRepository habits;
    private final HabitCheckInRepository checkIns;
    private final DomainRepository domains;
    private final Outbox outbox;
    private final TenantContext context;
    private final UserDay userDay;

    public HabitService(HabitRepository habits, HabitCheckInRepository checkIns, DomainRepository domains,
                        Outbox outbox, TenantContext context, UserDay userDay) {
        this.habits = habits;
        this.checkIns = checkIns;
        this.domains = domains;
        this.outbox = outbox;
        this.context = context;
        this.userDay = userDay;
    }

    @Transactional
    public Habit create(HabitForm form) {
        Habit habit = new Habit();
        habit.id = Ids.next();
        habit.tenantId = context.circleId();
        habit.createdBy = context.userId();
        habit.createdAt = Instant.now();
        apply(habit, form);
        habits.persist(habit);
        habits.flush();
        publish("habit.created", habit);
        return habit;
    }

    @Transactional
    @ReadOnly
    public Habit get(UUID id) {
        return habits.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("habit " + id));
    }

    @Transactional
    @ReadOnly
    public List<Habit> list(Optional<Boolean> active, Optional<UUID> domainId, Keyset keyset) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        active.ifPresent(value -> {
            query.append(" and active = :active");
            params.put("active", value);
        });
        domainId.ifPresent(value -> {
            query.append(" and domainId = :domain");
            params.put("domain", value);
        });
        if (keyset.after()) {
            query.append(" and id > :after");
            params.put("after", keyset.uuid(0));
        }
        query.append(" order by id");
        return habits.find(query.toString(), params).page(0, keyset.fetch()).list();
    }

    @Transactional
    public Habit update(UUID id, String ifMatch, UnaryOperator<HabitForm> patch) {
        Habit habit = ETags.matching(lock(id), ifMatch, h -> h.version);
        apply(habit, patch.apply(HabitForm.of(habit)));
        recompute(habit, null);
        habits.flush();
        publish("habit.updated", habit);
        return habit;
    }

    /**
     * Records the check-in of {@code date} (the caller's today when null). With {@code replace}
     * (PUT) an existing check-in of that day is corrected; without (POST) it is a 409.
     */
    @Transactional
    public CheckInResult checkIn(UUID habitId, LocalDate date, CheckInForm form, boolean replace) {
        LocalDate day = userDay.notAfterToday("date", date);
        Habit habit = lock(habitId);
        Optional<HabitCheckIn> existing = checkIns.on(habitId, day);
        if (existing.isPresent() && !replace) {
            throw new ProblemException(ProblemType.CONFLICT, "Habit " + habitId + " already has a check-in on " + day
                    + "; PUT /api/v1/habits/" + habitId + "/check-ins/" + day + " corrects it",
                    List.of(new Problem.FieldError("date", "already has a check-in")));
        }
        Instant now = Instant.now();
        HabitCheckIn checkIn = existing.orElseGet(() -> {
            HabitCheckIn fresh = new HabitCheckIn();
            fresh.id = Ids.next();
            fresh.tenantId = context.circleId();
            fresh.habitId = habitId;
            fresh.date = day;
            fresh.createdAt = now;
            return fresh;
        });
        checkIn.userId = context.userId();
        if (form.status.counts() && (checkIn.completedAt == null || checkIn.status == null
                || !checkIn.status.counts())) {
            checkIn.completedAt = now;
        } else if (!form.status.counts()) {
            checkIn.completedAt = null;
        }
        checkIn.status = form.status;
        checkIn.qualityRating = form.qualityRating;
        checkIn.notes = form.notes;
        checkIn.updatedAt = now;
        try {
            if (existing.isEmpty()) {
                checkIns.persist(checkIn);
            }
            checkIns.flush();
        } catch (PersistenceException e) {
            // The habit's row lock makes this unreachable in one database; the unique index holds the line anyway.
            throw new ProblemException(ProblemType.CONFLICT, "Habit " + habitId + " already has a check-in on " + day);
        }
        recompute(habit, day);
        habits.flush();
        outbox.publish(HabitEvents.TOPIC, "habit.checked_in", new HabitCheckedIn(habit.id, checkIn.id,
                checkIn.userId, day, checkIn.status.toString(), habit.streakCurrent, habit.streakBest));
        return new CheckInResult(checkIn, habit, existing.isEmpty());
    }

    @Transactional
    public Habit removeCheckIn(UUID habitId, LocalDate date) {
        Habit habit = lock(habitId);
        HabitCheckIn checkIn = checkIns.on(habitId, date)
                .orElseThrow(() -> ProblemException.notFound("check-in of habit " + habitId + " on " + date));
        checkIns.delete(checkIn);
        checkIns.flush();
        recompute(habit, date);
        habits.flush();
        return habit;
    }

    @Transactional
    public HabitCheckIn getCheckIn(UUID habitId, LocalDate date) {
        get(habitId);
        return checkIns.on(habitId, date)
                .orElseThrow(() -> ProblemException.notFound("check-in of habit " + habitId + " on " + date));
    }

    /** Newest first; {@code cursor} continues before the last date of the previous page. */
    @Transactional
    @ReadOnly
    public List<HabitCheckIn> listCheckIns(UUID habitId, Optional<LocalDate> from, Optional<LocalDate> to,
                                           Keyset keyset) {
        get(habitId);
        StringBuilder query = new StringBuilder("habitId = :habit");
        Map<String, Object> params = new HashMap<>();
        params.put("habit", habitId);
        from.ifPresent(value -> {
            query.append(" and date >= :from");
            params.put("from", value);
        });
        to.ifPresent(value -> {
            query.append(" and date <= :to");
            params.put("to", value);
        });
        if (keyset.after()) {
            query.append(" and date < :before");
            params.put("before", keyset.date(0));
        }
        query.append(" order by date desc");
        return checkIns.find(query.toString(), params).page(0, keyset.fetch()).list();
    }

    /** What the habit list sorts by, in cursor order. */
    public static List<Object> sortKey(Habit habit) {
        return List.of(habit.id);
    }

    /** What the check-in list sorts by (newest first), in cursor order. */
    public static List<Object> sortKey(HabitCheckIn checkIn) {
        return List.of(checkIn.date);
    }

    /**
     * The habit's current streak as of the caller's today. The stored one is as of the last write;
     * days missed since then end it, which the latest week of check-ins tells without recomputing
     * the whole history ({@link StreakCalculator#currentAsOf}).
     */
    @Transactional
    public int streakToday(Habit habit) {
        return StreakCalculator.currentAsOf(habit.schedule(), habit.streakCurrent,
                checkIns.latestDates(habit.id, 7), userDay.today());
    }

    private Habit lock(UUID id) {
        Habit habit = habits.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (habit == null) {
            throw ProblemException.notFound("habit " + id);
        }
        return habit;
    }

    /** New streaks from every check-in; a current streak that got shorter is announced as broken. */
    private void recompute(Habit habit, LocalDate changed) {
        Schedule schedule = habit.schedule();
        List<StreakCalculator.CheckIn> marks = checkIns.allOf(habit.id).stream()
                .map(c -> new StreakCalculator.CheckIn(c.date, c.status)).toList();
        // A member east of the caller may already have checked in for the caller's tomorrow: that
        // day has begun somewhere, so it counts.
        LocalDate today = marks.stream().map(StreakCalculator.CheckIn::date)
                .reduce(userDay.today(), (a, b) -> a.isAfter(b) ? a : b);
        Streak streak = StreakCalculator.compute(schedule, marks, today);
        int previous = habit.streakCurrent;
        if (streak.current() != habit.streakCurrent || streak.best() != habit.streakBest) {
            habit.streakCurrent = streak.current();
            habit.streakBest = streak.best();
            habit.updatedAt = Instant.now();
        }
        if (streak.current() < previous) {
            outbox.publish(HabitEvents.TOPIC, "habit.streak_broken", new HabitStreakBroken(habit.id,
                    changed != null ? changed : today, previous, streak.current(), streak.best()));
        }
    }

    private void apply(Habit habit, HabitForm form) {
        if (domains.findByIdOptional(form.domainId).isEmpty()) {
            throw ProblemException.badField("domainId", "no such domain in this circle");
        }
        form.frequencyConfig.schedule(form.frequency);
        habit.domainId = form.domainId;
        habit.name = form.name.strip();
        habit.description = form.description;
        habit.frequency = form.frequency;
        habit.frequencyConfig = form.frequencyConfig.toMap();
        habit.timeOfDay = form.timeOfDay;
        habit.estimatedMinutes = form.estimatedMinutes;
        habit.active = form.active;
        habit.updatedAt = Instant.now();
    }

    private void publish(String type, Habit habit) {
        outbox.publish(HabitEvents.TOPIC, type, new HabitChanged(habit.id, habit.domainId,
                habit.frequency.toString(), habit.active, habit.streakCurrent, habit.streakBest, habit.version));
    }
}
