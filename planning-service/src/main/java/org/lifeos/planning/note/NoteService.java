package org.lifeos.planning.note;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.crud.Where;
import org.lifeos.planning.note.NoteDtos.NoteForm;
import org.lifeos.planning.note.NoteDtos.ReminderForm;
import org.lifeos.planning.note.NoteDtos.ReminderView;
import org.lifeos.planning.time.Now;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The circle's notes and their reminders. A reminder is set only for a time after now (the
 * injectable {@link Now}); it is due once that time has passed, for the user who set it, until
 * dismissed.
 */
@ApplicationScoped
public class NoteService {

    private static final int MAX_REMINDERS_PER_NOTE = 50;

    private final NoteRepository notes;
    private final Now now;
    private final TenantContext context;

    public NoteService(NoteRepository notes, Now now, TenantContext context) {
        this.notes = notes;
        this.now = now;
        this.context = context;
    }

    @Transactional
    public Note create(NoteForm form) {
        return save(new Note(context.circleId(), context.userId()), form);
    }

    @Transactional
    public Note get(UUID id) {
        return notes.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("note " + id));
    }

    @Transactional
    public Note update(UUID id, String ifMatch, UnaryOperator<NoteForm> patch) {
        Note note = ETags.matching(get(id), ifMatch, n -> n.version);
        return save(note, patch.apply(NoteForm.of(note)));
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Note note = ETags.matching(get(id), ifMatch, n -> n.version);
        notes.getEntityManager().createQuery("delete from NoteReminder where noteId = ?1").setParameter(1, id)
                .executeUpdate();
        notes.delete(note);
    }

    /** Newest change first. */
    @Transactional
    public List<Note> list(String tag, Keyset keyset) {
        return Where.all().and("array_contains(tags, :tag)", "tag", tag)
                .after(keyset, "(updatedAt < :cAt or (updatedAt = :cAt and id < :cId))",
                        k -> Map.of("cAt", k.instant(0), "cId", k.uuid(1)))
                .page(notes, "updatedAt desc, id desc", keyset);
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(Note note) {
        return List.of(note.updatedAt, note.id);
    }

    @Transactional
    public ReminderView remind(UUID noteId, ReminderForm form) {
        Note note = get(noteId);
        Instant at = form.remindAt.toInstant();
        Instant current = now.instant();
        if (!at.isAfter(current)) {
            throw ProblemException.badField("remindAt", "must be in the future (now is " + current + ")");
        }
        if (notes.reminders(noteId).size() >= MAX_REMINDERS_PER_NOTE) {
            throw ProblemException.badField("remindAt", "a note has at most " + MAX_REMINDERS_PER_NOTE
                    + " reminders");
        }
        NoteReminder reminder = new NoteReminder();
        reminder.id = Ids.next();
        reminder.tenantId = note.tenantId;
        reminder.noteId = note.id;
        reminder.remindAt = at;
        reminder.createdBy = context.userId();
        reminder.createdAt = Instant.now();
        notes.getEntityManager().persist(reminder);
        notes.flush();
        return ReminderView.of(reminder, note.title);
    }

    @Transactional
    public List<ReminderView> reminders(UUID noteId) {
        Note note = get(noteId);
        return notes.reminders(noteId).stream().map(r -> ReminderView.of(r, note.title)).toList();
    }

    @Transactional
    public void deleteReminder(UUID noteId, UUID reminderId) {
        get(noteId);
        NoteReminder reminder = notes.reminder(reminderId).filter(r -> r.noteId.equals(noteId))
                .orElseThrow(() -> ProblemException.notFound("reminder " + reminderId + " of note " + noteId));
        notes.getEntityManager().remove(reminder);
    }

    /** The caller's reminders due now (their time has passed, not dismissed), oldest first. */
    @Transactional
    public List<ReminderView> due(int limit) {
        List<ReminderView> due = new ArrayList<>();
        for (NoteReminder reminder : notes.due(context.userId(), now.instant(), limit)) {
            due.add(ReminderView.of(reminder, get(reminder.noteId).title));
        }
        return due;
    }

    /** Dismisses one of the caller's reminders; dismissing twice is harmless. */
    @Transactional
    public ReminderView dismiss(UUID reminderId) {
        NoteReminder reminder = notes.reminder(reminderId).filter(r -> r.createdBy.equals(context.userId()))
                .orElseThrow(() -> ProblemException.notFound("reminder " + reminderId));
        if (reminder.dismissedAt == null) {
            reminder.dismissedAt = now.instant();
        }
        notes.flush();
        return ReminderView.of(reminder, get(reminder.noteId).title);
    }

    /** Writes {@code form} onto {@code note}, new or loaded, and flushes: the answer shows its new version. */
    private Note save(Note note, NoteForm form) {
        note.title = form.title.strip();
        note.content = form.content;
        note.tags = form.tags.stream().map(String::strip).distinct().toList();
        note.updatedAt = Instant.now();
            notes.persistAndFlush(note);
        return note;
    }
}
