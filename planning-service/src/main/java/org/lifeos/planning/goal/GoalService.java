package org.lifeos.planning.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.domain.DomainRepository;
import org.lifeos.planning.goal.GoalDtos.GoalForm;
import org.lifeos.planning.goal.GoalEnums.Level;
import org.lifeos.planning.goal.GoalEnums.Status;
import org.lifeos.planning.time.UserDay;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Goal writes. A child sits exactly one level below its parent (yearly → quarterly → monthly →
 * weekly), in the same circle, never below itself; status moves along {@link Status#canBecome};
 * progress is re-derived for the goal and its ancestors (old and new) after every write.
 */
@ApplicationScoped
public class GoalService {

    private static final int MAX_DEPTH = Level.values().length + 1;

    private final GoalRepository goals;
    private final DomainRepository domains;
    private final GoalProgress progress;
    private final GoalValues values;
    private final UserDay userDay;
    private final TenantContext context;

    public GoalService(GoalRepository goals, DomainRepository domains, GoalProgress progress, GoalValues values,
                       UserDay userDay, TenantContext context) {
        this.goals = goals;
        this.domains = domains;
        this.progress = progress;
        this.values = values;
        this.userDay = userDay;
        this.context = context;
    }

    @Transactional
    public Goal create(GoalForm form) {
        Goal goal = new Goal();
        goal.id = Ids.next();
        goal.tenantId = context.circleId();
        goal.createdBy = context.userId();
        goal.createdAt = Instant.now();
        apply(goal, form);
        goals.persist(goal);
        goals.flush();
        bookCurrentValue(goal, form.currentValue);
        progress.refresh(goal.id);
        return goal;
    }

    @Transactional
    @ReadOnly
    public Goal get(UUID id) {
        return goals.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("goal " + id));
    }

    @Transactional
    public Goal update(UUID id, String ifMatch, UnaryOperator<GoalForm> patch) {
        Goal goal = ETags.matching(get(id), ifMatch, g -> g.version);
        UUID oldParent = goal.parentId;
        GoalForm form = patch.apply(GoalForm.of(goal));
        apply(goal, form);
        goals.flush();
        bookCurrentValue(goal, form.currentValue);
        progress.refresh(goal.id, oldParent);
        return goal;
    }

    /** The goal's months, oldest first. */
    @Transactional
    public List<GoalValues.MonthlyValueView> months(UUID id) {
        return values.months(get(id).id);
    }

    /** Sets one month's value (and target); the goal's current value becomes the sum of its months. */
    @Transactional
    public Goal setMonth(UUID id, YearMonth month, BigDecimal value, BigDecimal target) {
        Goal goal = values.setMonth(get(id).id, month, value, target);
        progress.refresh(goal.id);
        return goal;
    }

    /**
     * A direct write of the current value books the difference in the user's current month, so the
     * months still add up to the current value.
     */
    private void bookCurrentValue(Goal goal, BigDecimal wanted) {
        BigDecimal delta = wanted.subtract(goal.currentValue);
        if (delta.signum() != 0) {
            values.book(goal.id, GoalValues.monthOf(userDay.today()), delta);
        }
    }

    @Transactional
    @ReadOnly
    public List<Goal> list(Optional<Level> level, Optional<Status> status, Optional<UUID> domainId,
                           Optional<UUID> parentId, boolean topLevel, Keyset keyset) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        level.ifPresent(v -> {
            query.append(" and level = :level");
            params.put("level", v);
        });
        status.ifPresent(v -> {
            query.append(" and status = :status");
            params.put("status", v);
        });
        domainId.ifPresent(v -> {
            query.append(" and domainId = :domain");
            params.put("domain", v);
        });
        parentId.ifPresent(v -> {
            query.append(" and parentId = :parent");
            params.put("parent", v);
        });
        if (topLevel) {
            query.append(" and parentId is null");
        }
        if (keyset.after()) {
            params.put("after", keyset.uuid(0));
            query.append(" and id > :after");
        }
        query.append(" order by id");
        return goals.find(query.toString(), params).page(0, keyset.fetch()).list();
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(Goal goal) {
        return List.of(goal.id);
    }

    private void apply(Goal goal, GoalForm form) {
        if (domains.findByIdOptional(form.domainId).isEmpty()) {
            throw ProblemException.badField("domainId", "no such domain in this circle");
        }
        if (form.parentId != null) {
            requireParent(goal, form.parentId, form.level);
        }
        if (goal.level != null && form.level != goal.level) {
            for (Goal child : goals.children(goal.id)) {
                if (!child.level.isDirectlyBelow(form.level)) {
                    throw ProblemException.badField("level", "has " + child.level + " sub-goals, which must sit "
                            + "directly below it; move them first");
                }
            }
        }
        if (goal.status != null && !goal.status.canBecome(form.status)) {
            throw new ProblemException(ProblemType.CONFLICT, "A " + goal.status + " goal cannot become " + form.status,
                    List.of(new Problem.FieldError("status", "cannot go from " + goal.status + " to " + form.status)));
        }
        if (form.status == Status.COMPLETED && goal.status != Status.COMPLETED) {
            goal.completedAt = Instant.now();
        } else if (form.status != Status.COMPLETED) {
            goal.completedAt = null;
        }
        goal.domainId = form.domainId;
        goal.parentId = form.parentId;
        goal.title = form.title.strip();
        goal.description = form.description;
        goal.level = form.level;
        goal.status = form.status;
        goal.targetDate = form.targetDate;
        goal.targetValue = form.targetValue;
        goal.unit = form.unit == null || form.unit.isBlank() ? null : form.unit.strip();
        goal.sortOrder = form.sortOrder;
        goal.updatedAt = Instant.now();
    }

    /** The parent is a goal of this circle one level up, and neither the goal itself nor one below it. */
    private void requireParent(Goal goal, UUID parentId, Level level) {
        Set<UUID> seen = new HashSet<>();
        UUID current = parentId;
        for (int depth = 0; current != null; depth++) {
            if (current.equals(goal.id) || !seen.add(current) || depth > MAX_DEPTH) {
                throw ProblemException.badField("parentId", "would make the goal its own ancestor");
            }
            Goal ancestor = goals.findById(current);
            if (ancestor == null) {
                throw ProblemException.badField("parentId", "no such goal in this circle");
            }
            if (depth == 0 && !level.isDirectlyBelow(ancestor.level)) {
                throw ProblemException.badField("parentId", "a " + level + " goal's parent must be one level up, not "
                        + ancestor.level);
            }
            current = ancestor.parentId;
        }
    }
}
