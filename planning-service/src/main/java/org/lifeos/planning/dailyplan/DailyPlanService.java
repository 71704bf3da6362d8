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
import org.lifeos.planning.time.UserDates;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * One plan per user per date, the acting user's own (other members see none). PUT upserts; the
 * focus domains must be domains of this circle.
 */
@ApplicationScoped
public class DailyPlanService {

    public record Upserted(DailyPlan plan, boolean created) {
    }

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
    public Upserted put(LocalDate date, String ifMatch, DailyPlanForm form) {
        lockDay(date);
        Optional<DailyPlan> existing = plans.of(context.userId(), date);
        if (existing.isPresent()) {
            ETags.requireMatch(ifMatch, existing.get().version);
        }
        DailyPlan plan = existing.orElseGet(() -> {
            DailyPlan fresh = new DailyPlan();
            fresh.id = Ids.next();
            fresh.tenantId = context.circleId();
            fresh.userId = context.userId();
            fresh.date = date;
            fresh.createdAt = Instant.now();
            return fresh;
        });
        apply(plan, form);
        if (existing.isEmpty()) {
            plans.persist(plan);
        }
        plans.flush();
        return new Upserted(plan, existing.isEmpty());
    }

    @Transactional
    public DailyPlan update(LocalDate date, String ifMatch, UnaryOperator<DailyPlanForm> patch) {
        DailyPlan plan = get(date);
        ETags.requireMatch(ifMatch, plan.version);
        apply(plan, patch.apply(DailyPlanForm.of(plan)));
        plans.flush();
        return plan;
    }

    @Transactional
    public List<DailyPlan> list(Optional<LocalDate> from, Optional<LocalDate> to, String cursor, int limit) {
        UserDates query = UserDates.of(context.userId(), from, to, cursor);
        return plans.find(query.query(), query.params()).page(0, limit).list();
    }

    public static String cursorAfter(DailyPlan last) {
        return UserDates.cursorAfter(last.date);
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

    /** Two first PUTs of one day must not both insert: the second waits and then updates. */
    private void lockDay(LocalDate date) {
        plans.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "daily_plans/" + context.circleId() + "/" + context.userId() + "/" + date)
                .getSingleResult();
    }
}
