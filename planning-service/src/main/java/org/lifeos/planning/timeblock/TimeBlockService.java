package org.lifeos.planning.timeblock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.crud.Where;
import org.lifeos.planning.domain.DomainRepository;
import org.lifeos.planning.habit.HabitRepository;
import org.lifeos.planning.task.TaskRepository;
import org.lifeos.planning.timeblock.TimeBlockDtos.TimeBlockForm;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * A user's time blocks. They are the acting user's own: other members of the circle see none of
 * them (404 by id, absent from lists). Within one user's day blocks do not overlap unless the
 * write says {@code allowOverlap}; writes to one day are serialised so the check holds under
 * concurrency. Linked domain, task and habit must be the circle's own.
 */
@ApplicationScoped
public class TimeBlockService {

    private final TimeBlockRepository blocks;
    private final DomainRepository domains;
    private final TaskRepository tasks;
    private final HabitRepository habits;
    private final TenantContext context;

    public TimeBlockService(TimeBlockRepository blocks, DomainRepository domains, TaskRepository tasks,
                            HabitRepository habits, TenantContext context) {
        this.blocks = blocks;
        this.domains = domains;
        this.tasks = tasks;
        this.habits = habits;
        this.context = context;
    }

    @Transactional
    public TimeBlock create(TimeBlockForm form) {
        return save(new TimeBlock(context.circleId(), context.userId()), form);
    }

    @Transactional
    public TimeBlock get(UUID id) {
        return blocks.ofUser(id, context.userId()).orElseThrow(() -> ProblemException.notFound("time block " + id));
    }

    @Transactional
    public TimeBlock update(UUID id, String ifMatch, UnaryOperator<TimeBlockForm> patch) {
        TimeBlock block = ETags.matching(get(id), ifMatch, b -> b.version);
        return save(block, patch.apply(TimeBlockForm.of(block)));
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        blocks.delete(ETags.matching(get(id), ifMatch, b -> b.version));
    }

    /** The caller's blocks by date and start time. */
    @Transactional
    public List<TimeBlock> list(Optional<LocalDate> from, Optional<LocalDate> to, Keyset keyset) {
        return Where.of("userId = :user", "user", context.userId())
                .and("date >= :from", "from", from).and("date <= :to", "to", to)
                .after(keyset, "(date > :cDate or (date = :cDate and (startTime > :cStart"
                        + " or (startTime = :cStart and id > :cId))))",
                        k -> Map.of("cDate", k.date(0), "cStart", startTime(k), "cId", k.uuid(2)))
                .page(blocks, "date, startTime, id", keyset);
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(TimeBlock block) {
        return List.of(block.date, block.startTime, block.id);
    }

    private static LocalTime startTime(Keyset keyset) {
        try {
            return LocalTime.parse(keyset.string(1));
        } catch (DateTimeParseException e) {
            throw ProblemException.badField("cursor", "is not a cursor this list produced");
        }
    }

    /** Writes {@code form} onto {@code block}, new or loaded, and flushes: the answer shows its new version. */
    private TimeBlock save(TimeBlock block, TimeBlockForm form) {
        if (!form.endTime.isAfter(form.startTime)) {
            throw ProblemException.badField("endTime", "must be after startTime");
        }
        if (form.domainId != null && domains.findByIdOptional(form.domainId).isEmpty()) {
            throw ProblemException.badField("domainId", "no such domain in this circle");
        }
        if (form.taskId != null && !form.taskId.equals(block.taskId) && tasks.findLive(form.taskId).isEmpty()) {
            throw ProblemException.badField("taskId", "no such task in this circle");
        }
        if (form.habitId != null && habits.findByIdOptional(form.habitId).isEmpty()) {
            throw ProblemException.badField("habitId", "no such habit in this circle");
        }
        if (!form.allowOverlap) {
            blocks.lockDay(block.tenantId, block.userId, form.date);
            List<TimeBlock> overlapping = blocks.overlapping(block.userId, form.date, form.startTime, form.endTime,
                    block.id);
            if (!overlapping.isEmpty()) {
                throw new ProblemException(ProblemType.CONFLICT, "Overlaps your time blocks "
                        + overlapping.stream().map(b -> b.id + " (" + b.startTime + "-" + b.endTime + ")")
                        .collect(Collectors.joining(", ")) + " on " + form.date
                        + "; send allowOverlap: true to keep both",
                        List.of(new Problem.FieldError("startTime", "overlaps another time block of this day")));
            }
        }
        block.domainId = form.domainId;
        block.taskId = form.taskId;
        block.habitId = form.habitId;
        block.title = form.title.strip();
        block.date = form.date;
        block.startTime = form.startTime;
        block.endTime = form.endTime;
        block.blockType = form.blockType;
        block.status = form.status;
        block.notes = form.notes;
        block.updatedAt = Instant.now();
            blocks.persistAndFlush(block);
        return block;
    }
}
