package org.lifeos.planning.sprint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.lifeos.planning.domain.DomainRepository;
import org.lifeos.planning.goal.GoalRepository;
import org.lifeos.planning.sprint.SprintDtos.NextSprintForm;
import org.lifeos.planning.sprint.SprintDtos.SprintForm;
import org.lifeos.planning.sprint.SprintDtos.SprintTaskView;
import org.lifeos.planning.sprint.SprintEnums.Status;
import org.lifeos.planning.task.TaskRepository;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.outbox.Outbox;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Sprints of the circle, their tasks (through {@code tasks.sprint_id}) and goals. Status moves
 * along {@link Status#canBecome}; starting, completing and cancelling are announced on
 * {@code planning.sprint}. A sprint in a cycle derives its end date, and its successor's dates.
 */
@ApplicationScoped
public class SprintService {

    private final SprintRepository sprints;
    private final DomainRepository domains;
    private final GoalRepository goals;
    private final TaskRepository tasks;
    private final EntityManager em;
    private final Outbox outbox;
    private final TenantContext context;

    public SprintService(SprintRepository sprints, DomainRepository domains, GoalRepository goals, TaskRepository tasks,
                         EntityManager em,
                         Outbox outbox, TenantContext context) {
        this.sprints = sprints;
        this.domains = domains;
        this.goals = goals;
        this.tasks = tasks;
        this.em = em;
        this.outbox = outbox;
        this.context = context;
    }

    @Transactional
    public Sprint create(SprintForm form) {
        Sprint sprint = fresh();
        apply(sprint, form);
        sprints.persist(sprint);
        sprints.flush();
        return sprint;
    }

    /** The sprint after {@code id} in its cycle: starts {@code offDays} after it ends, lasts {@code onDays}. */
    @Transactional
    public Sprint next(UUID id, NextSprintForm form) {
        Sprint previous = lock(id);
        if (!previous.inCycle()) {
            throw new ProblemException(ProblemType.CONFLICT, "Sprint " + id + " is not part of a cycle",
                    List.of(new Problem.FieldError("cycleOnDays", "the sprint has no cycle")));
        }
        if (previous.status == Status.CANCELLED) {
            throw new ProblemException(ProblemType.CONFLICT, "A cancelled sprint has no successor");
        }
        Optional<Sprint> existing = sprints.successorOf(id);
        if (existing.isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "Sprint " + id + " already has its next sprint "
                    + existing.get().id);
        }
        Sprint next = fresh();
        next.domainId = previous.domainId;
        next.previousSprintId = previous.id;
        next.cycleOnDays = previous.cycleOnDays;
        next.cycleOffDays = previous.cycleOffDays;
        LocalDate[] dates = SprintCycle.next(previous.endDate, previous.cycleOnDays, previous.cycleOffDays);
        next.startDate = dates[0];
        next.endDate = dates[1];
        next.name = form.name == null || form.name.isBlank() ? previous.name + " (next)" : form.name.strip();
        next.goal = form.goal;
        next.updatedAt = Instant.now();
        sprints.persist(next);
        sprints.flush();
        return next;
    }

    @Transactional
    public Sprint get(UUID id) {
        return sprints.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("sprint " + id));
    }

    @Transactional
    public Sprint update(UUID id, String ifMatch, UnaryOperator<SprintForm> patch) {
        Sprint sprint = ETags.matching(get(id), ifMatch, sp -> sp.version);
        Status before = sprint.status;
        apply(sprint, patch.apply(SprintForm.of(sprint)));
        sprints.flush();
        if (before != sprint.status) {
            long[] counts = counts(sprint.id);
            outbox.publish(SprintEvents.TOPIC, "sprint." + switch (sprint.status) {
                case ACTIVE -> "started";
                case COMPLETED -> "completed";
                case CANCELLED -> "cancelled";
                case PLANNED -> "planned";
            }, new SprintEvents.SprintStatusChanged(sprint.id, sprint.name, sprint.startDate, sprint.endDate,
                    sprint.status.toString(), counts[0], counts[1]));
        }
        return sprint;
    }

    /** Deletes the sprint; its tasks stay, out of any sprint. A sprint another one follows cannot go. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Sprint sprint = ETags.matching(lock(id), ifMatch, sp -> sp.version);
        sprints.successorOf(id).ifPresent(next -> {
            throw new ProblemException(ProblemType.CONFLICT, "Sprint " + next.id + " follows this one in its cycle;"
                    + " delete it first");
        });
        tasks.leaveSprint(id);
        sprints.delete(sprint);
    }

    @Transactional
    public List<Sprint> list(Optional<Status> status, Optional<UUID> domainId, Keyset keyset) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        status.ifPresent(v -> {
            query.append(" and status = :status");
            params.put("status", v);
        });
        domainId.ifPresent(v -> {
            query.append(" and domainId = :domain");
            params.put("domain", v);
        });
        if (keyset.after()) {
            params.put("cStart", keyset.date(0));
            params.put("cId", keyset.uuid(1));
            query.append(" and (startDate > :cStart or (startDate = :cStart and id > :cId))");
        }
        query.append(" order by startDate, id");
        return sprints.find(query.toString(), params).page(0, keyset.fetch()).list();
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(Sprint sprint) {
        return List.of(sprint.startDate, sprint.id);
    }

    /** {total, done} among the sprint's live tasks. */
    @Transactional
    public long[] counts(UUID sprintId) {
        return tasks.sprintCounts(sprintId);
    }

    @Transactional
    public void addTask(UUID sprintId, UUID taskId) {
        Sprint sprint = open(sprintId);
        if (!tasks.addToSprint(taskId, sprint.id)) {
            throw ProblemException.notFound("task " + taskId);
        }
    }

    @Transactional
    public void removeTask(UUID sprintId, UUID taskId) {
        open(sprintId);
        if (!tasks.removeFromSprint(taskId, sprintId)) {
            throw ProblemException.notFound("task " + taskId + " in sprint " + sprintId);
        }
    }

    @Transactional
    public List<SprintTaskView> tasks(UUID sprintId) {
        get(sprintId);
        return tasks.inSprint(sprintId, 1000).stream()
                .map(t -> new SprintTaskView(t.id, t.title, t.status, t.priority)).toList();
    }

    @Transactional
    public void addGoal(UUID sprintId, UUID goalId) {
        Sprint sprint = open(sprintId);
        if (goals.findByIdOptional(goalId).isEmpty()) {
            throw ProblemException.notFound("goal " + goalId);
        }
        em.createNativeQuery("INSERT INTO sprint_goals (tenant_id, sprint_id, goal_id, created_by) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, sprint.tenantId).setParameter(2, sprintId).setParameter(3, goalId)
                .setParameter(4, context.userId()).executeUpdate();
    }

    @Transactional
    public void removeGoal(UUID sprintId, UUID goalId) {
        open(sprintId);
        int deleted = em.createNativeQuery("DELETE FROM sprint_goals WHERE sprint_id = ?1 AND goal_id = ?2")
                .setParameter(1, sprintId).setParameter(2, goalId).executeUpdate();
        if (deleted == 0) {
            throw ProblemException.notFound("goal " + goalId + " in sprint " + sprintId);
        }
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> goalIds(UUID sprintId) {
        get(sprintId);
        return em.createNativeQuery("SELECT goal_id FROM sprint_goals WHERE sprint_id = ?1 ORDER BY goal_id")
                .setParameter(1, sprintId).getResultList();
    }

    /** A sprint whose tasks and goals may still change: not completed or cancelled. */
    private Sprint open(UUID id) {
        Sprint sprint = get(id);
        if (sprint.status == Status.COMPLETED || sprint.status == Status.CANCELLED) {
            throw new ProblemException(ProblemType.CONFLICT, "Sprint " + id + " is " + sprint.status
                    + "; its tasks and goals no longer change");
        }
        return sprint;
    }

    private Sprint lock(UUID id) {
        Sprint sprint = get(id);
        em.lock(sprint, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return sprint;
    }

    private Sprint fresh() {
        Sprint sprint = new Sprint();
        sprint.id = Ids.next();
        sprint.tenantId = context.circleId();
        sprint.createdBy = context.userId();
        sprint.createdAt = Instant.now();
        return sprint;
    }

    private void apply(Sprint sprint, SprintForm form) {
        if (form.domainId != null && domains.findByIdOptional(form.domainId).isEmpty()) {
            throw ProblemException.badField("domainId", "no such domain in this circle");
        }
        if ((form.cycleOnDays == null) != (form.cycleOffDays == null)) {
            throw ProblemException.badField(form.cycleOnDays == null ? "cycleOnDays" : "cycleOffDays",
                    "a cycle needs both cycleOnDays and cycleOffDays (seed 004: 21 and 7)");
        }
        LocalDate end = form.endDate;
        if (form.cycleOnDays != null) {
            LocalDate derived = form.startDate.plusDays(form.cycleOnDays - 1L);
            boolean startOrLengthChanged = !form.startDate.equals(sprint.startDate)
                    || !form.cycleOnDays.equals(sprint.cycleOnDays);
            if (end == null || (startOrLengthChanged && end.equals(sprint.endDate))) {
                end = derived;
            } else if (!end.equals(derived)) {
                throw ProblemException.badField("endDate", "a sprint of a " + form.cycleOnDays
                        + "-day cycle starting " + form.startDate + " ends " + derived);
            }
        }
        if (end == null) {
            throw ProblemException.badField("endDate", "is required unless the sprint is part of a cycle");
        }
        if (end.isBefore(form.startDate)) {
            throw ProblemException.badField("endDate", "must not be before startDate");
        }
        if (sprint.status != null && !sprint.status.canBecome(form.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "A " + sprint.status + " sprint cannot become "
                    + form.status, List.of(new Problem.FieldError("status", "cannot go from " + sprint.status
                    + " to " + form.status)));
        }
        if (sprint.status == null && form.status != Status.PLANNED && form.status != Status.ACTIVE) {
            throw ProblemException.badField("status", "a new sprint is planned or active");
        }
        if (form.status == Status.COMPLETED && sprint.status != Status.COMPLETED) {
            sprint.completedAt = Instant.now();
        }
        sprint.domainId = form.domainId;
        sprint.name = form.name.strip();
        sprint.startDate = form.startDate;
        sprint.endDate = end;
        sprint.status = form.status;
        sprint.goal = form.goal;
        sprint.retrospective = form.retrospective;
        sprint.cycleOnDays = form.cycleOnDays;
        sprint.cycleOffDays = form.cycleOffDays;
        sprint.updatedAt = Instant.now();
    }
}
