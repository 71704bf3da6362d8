package org.lifeos.planning.note;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Notes of the current circle and their reminders (row-level security hides every other circle's). */
@ApplicationScoped
public class NoteRepository implements PanacheRepositoryBase<Note, UUID> {

    public List<NoteReminder> reminders(UUID noteId) {
        return getEntityManager().createQuery("from NoteReminder where noteId = ?1 order by remindAt, id",
                NoteReminder.class).setParameter(1, noteId).getResultList();
    }

    public Optional<NoteReminder> reminder(UUID id) {
        return Optional.ofNullable(getEntityManager().find(NoteReminder.class, id));
    }

    /** The user's reminders whose time has come and that are not dismissed, oldest first. */
    public List<NoteReminder> due(UUID userId, Instant now, int limit) {
        return getEntityManager().createQuery("from NoteReminder where createdBy = ?1 and remindAt <= ?2 "
                        + "and dismissedAt is null order by remindAt, id", NoteReminder.class)
                .setParameter(1, userId).setParameter(2, now).setMaxResults(limit).getResultList();
    }
}
