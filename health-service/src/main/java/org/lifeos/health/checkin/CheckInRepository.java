package org.lifeos.health.checkin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.lifeos.health.NewestFirst;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.db.TransactionLocks;

/** The caller's daily check-ins (row-level security shows no one else's). */
@ApplicationScoped
public class CheckInRepository implements PanacheRepositoryBase<DailyCheckIn, UUID> {

    Optional<DailyCheckIn> ofDay(UUID owner, LocalDate date) {
        return find("ownerId = ?1 and date = ?2", owner, date).firstResultOptional();
    }

    List<DailyCheckIn> page(Optional<LocalDate> from, Optional<LocalDate> to, Keyset keyset) {
        return new NewestFirst().and("date >= :from", "from", from).and("date <= :to", "to", to).page(this, keyset);
    }

    /**
     * Holds, until the transaction ends, the lock of {@code owner}'s check-in of {@code date}: two
     * first PUTs of one day must not both insert, so the second waits and then finds the first's row.
     */
    void lockDay(UUID circle, UUID owner, LocalDate date) {
        TransactionLocks.hold(getEntityManager(), "daily_check_ins/" + circle + "/" + owner + "/" + date);
    }
}
