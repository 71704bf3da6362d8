package org.lifeos.planning.dailyplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.dailyplan.DailyPlanDtos.DailyPlanForm;
import org.lifeos.planning.domain.DomainRepository;
import org.lifeos.planning.crud.Upsert;
import org.lifeos.planning.time.UserDates;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * One plan per user per date, the acting user's own (other members see none). PUT upserts; the
 * focus domains must be domains of this circle.
 */
@ApplicationScoped
public class DailyPlanService {

    private final DailyPlanRepository plans;
    private final DomainRepository domains;
    private final TenantContext context;

    public DailyPlanService(DailyPlanRepository plans, DomainRepository domains, TenantContext context) {
        this.plans = plans;
        this.domains = domains;
        this.context = context;
    }

    @Transactional
    public DailyPlan get(LocalDate date) {
        return plans.of(context.userId(), date).orElseThrow(() -> ProblemException.notFound("daily plan of " + date));
    }

    /** Creates or replaces the plan of {@code date}; {@code If-Match}, when sent, must match the existing plan. */
    @Transactional
    public Upsert<DailyPlan> put(LocalDate date, String ifMatch, DailyPlanForm form) {
        UserDates.lock(plans.getEntityManager(), "daily_plans", context.circleId(), context.userId(), date);
        Upsert<DailyPlan> put = Upsert.of(plans.of(context.userId(), date), ifMatch, p -> p.version,
                () -> new DailyPlan(context.circleId(), context.userId(), date));
        apply(put.row(), form);
        if (put.created()) {
            plans.persist(put.row());
        }
        plans.flush();
        return put;
    }

    @Transactional
    public DailyPlan update(LocalDate date, String ifMatch, UnaryOperator<DailyPlanForm> patch) {
        DailyPlan plan = ETags.matching(get(date), ifMatch, p -> p.version);
        apply(plan, patch.apply(DailyPlanForm.of(plan)));
        plans.flush();
        return plan;
    }

    /** By date. */
    @Transactional
    public List<DailyPlan> list(Optional<LocalDate> from, Optional<LocalDate> to, Keyset keyset) {
        return UserDates.of(context.userId(), from, to, keyset).page(plans, "date", keyset);
    }

    private void apply(DailyPlan plan, DailyPlanForm form) {
        List<UUID> focus = form.focusDomains.stream().distinct().toList();
        for (int i = 0; i < focus.size(); i++) {
            if (domains.findByIdOptional(focus.get(i)).isEmpty()) {
                throw ProblemException.badField("focusDomains[" + form.focusDomains.indexOf(focus.get(i)) + "]",
                        "no such domain in this circle");
            }
        }
        plan.energyLevel = form.energyLevel;
        plan.focusDomains = new java.util.ArrayList<>(focus);
        plan.morningIntention = form.morningIntention;
        plan.eveningReflection = form.eveningReflection;
        plan.moodMorning = form.moodMorning;
        plan.moodEvening = form.moodEvening;
        plan.updatedAt = Instant.now();
    }
}
