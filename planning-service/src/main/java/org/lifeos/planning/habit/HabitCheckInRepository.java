package org.lifeos.planning.habit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class HabitCheckInRepository implements PanacheRepositoryBase<HabitCheckIn, UUID> {

    public Optional<HabitCheckIn> on(UUID habitId, LocalDate date) {
        return find("habitId = ?1 and date = ?2", habitId, date).firstResultOptional();
    }

    /** The dates of the habit's latest {@code count} check-ins, newest first. */
    public List<LocalDate> latestDates(UUID habitId, int count) {
        return getEntityManager().createQuery("select c.date from HabitCheckIn c where c.habitId = ?1 "
                + "order by c.date desc", LocalDate.class).setParameter(1, habitId).setMaxResults(count)
                .getResultList();
    }

    public List<HabitCheckIn> allOf(UUID habitId) {
        return list("habitId = ?1 order by date", habitId);
    }
}
