package org.lifeos.planning.timeblock;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.lifeos.platform.db.TransactionLocks;

/** Time blocks of the current circle (row-level security); callers narrow to one user. */
@ApplicationScoped
public class TimeBlockRepository implements PanacheRepositoryBase<TimeBlock, UUID> {

    public Optional<TimeBlock> ofUser(UUID id, UUID userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    /** The user's blocks of {@code date} that share some time with [start, end), except {@code self}. */
    public List<TimeBlock> overlapping(UUID userId, LocalDate date, LocalTime start, LocalTime end, UUID self) {
        return list("userId = ?1 and date = ?2 and startTime < ?3 and endTime > ?4 and id <> ?5 "
                + "order by startTime, id", userId, date, end, start, self);
    }

    /** Serialises writes to one user's day, so two concurrent writes cannot both miss each other's overlap. */
    public void lockDay(UUID tenantId, UUID userId, LocalDate date) {
        TransactionLocks.hold(getEntityManager(), "time_blocks/" + tenantId + "/" + userId + "/" + date);
    }

    /** A user's blocks of one day, by start time. */
    public List<TimeBlock> ofDay(UUID userId, LocalDate date) {
        return list("userId = ?1 and date = ?2 order by startTime, id", userId, date);
    }
}
