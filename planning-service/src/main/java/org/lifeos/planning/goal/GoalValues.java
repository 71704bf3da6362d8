package org.lifeos.planning.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * A goal's monthly values (seed 004) and its current value, kept equal: {@code current_value} is
 * the sum of the goal's months. Every change books an amount into one month and re-adds the
 * months, under a row lock on the goal, so concurrent completions of linked tasks add up.
 */
@ApplicationScoped
public class GoalValues {

    /** One month of a goal, as the API shows it. */
    public record MonthlyValueView(String month, BigDecimal value, BigDecimal target) {
    }

    private final GoalRepository goals;
    private final EntityManager entityManager;

    public GoalValues(GoalRepository goals, EntityManager entityManager) {
        this.goals = goals;
        this.entityManager = entityManager;
    }

    /**
     * Adds {@code amount} (negative to take back) to the goal's value for {@code month}. A take-back
     * never drives the goal's total below zero. Returns the goal, locked, with its new current value;
     * progress is the caller's to refresh.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Goal book(UUID goalId, YearMonth month, BigDecimal amount) {
        Goal goal = goals.findById(goalId, LockModeType.PESSIMISTIC_WRITE);
        if (goal == null) {
            return null;
        }
        BigDecimal booked = amount;
        if (amount.signum() < 0 && goal.currentValue.add(amount).signum() < 0) {
            booked = goal.currentValue.negate();
        }
        if (booked.signum() != 0) {
            entityManager.createNativeQuery("""
                            INSERT INTO goal_monthly_values (tenant_id, goal_id, month, value)
                            VALUES (?1, ?2, ?3, ?4)
                            ON CONFLICT (tenant_id, goal_id, month)
                            DO UPDATE SET value = goal_monthly_values.value + excluded.value, updated_at = now()""")
                    .setParameter(1, goal.tenantId)
                    .setParameter(2, goal.id)
                    .setParameter(3, month.toString())
                    .setParameter(4, booked)
                    .executeUpdate();
            resum(goal);
        }
        return goal;
    }

    /** Sets one month's value and target; 409 naming {@code value} if the goal's total would fall below zero. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Goal setMonth(UUID goalId, YearMonth month, BigDecimal value, BigDecimal target) {
        Goal goal = goals.findById(goalId, LockModeType.PESSIMISTIC_WRITE);
        if (goal == null) {
            throw ProblemException.notFound("goal " + goalId);
        }
        BigDecimal others = sumExcept(goal.id, month);
        if (others.add(value).signum() < 0) {
            throw new ProblemException(ProblemType.CONFLICT, "The goal's current value would fall below zero",
                    List.of(new org.lifeos.platform.error.Problem.FieldError("value",
                            "must be at least " + others.negate() + " given the other months")));
        }
        entityManager.createNativeQuery("""
                        INSERT INTO goal_monthly_values (tenant_id, goal_id, month, value, target)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (tenant_id, goal_id, month)
                        DO UPDATE SET value = excluded.value, target = excluded.target, updated_at = now()""")
                .setParameter(1, goal.tenantId)
                .setParameter(2, goal.id)
                .setParameter(3, month.toString())
                .setParameter(4, value)
                .setParameter(5, target)
                .executeUpdate();
        resum(goal);
        return goal;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<MonthlyValueView> months(UUID goalId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT month, value, target FROM goal_monthly_values WHERE goal_id = ?1 ORDER BY month")
                .setParameter(1, goalId).getResultList();
        return rows.stream().map(r -> new MonthlyValueView(r[0].toString(), (BigDecimal) r[1], (BigDecimal) r[2]))
                .toList();
    }

    /** The calendar month of {@code date}. */
    public static YearMonth monthOf(LocalDate date) {
        return YearMonth.from(date);
    }

    private BigDecimal sumExcept(UUID goalId, YearMonth month) {
        Object sum = entityManager.createNativeQuery(
                        "SELECT coalesce(sum(value), 0) FROM goal_monthly_values WHERE goal_id = ?1 AND month <> ?2")
                .setParameter(1, goalId).setParameter(2, month.toString()).getSingleResult();
        return (BigDecimal) sum;
    }

    private void resum(Goal goal) {
        Object sum = entityManager.createNativeQuery(
                        "SELECT coalesce(sum(value), 0) FROM goal_monthly_values WHERE goal_id = ?1")
                .setParameter(1, goal.id).getSingleResult();
        goal.currentValue = ((BigDecimal) sum).setScale(2);
        goal.updatedAt = Instant.now();
    }
}
