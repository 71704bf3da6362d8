package org.lifeos.planning.activity;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.activity.ActivityDtos.ActivityForm;
import org.lifeos.planning.domain.DomainRepository;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/** The circle's activity catalog; {@link TaskFromActivity} is what tasks take from it. */
@ApplicationScoped
public class ActivityService {

    private final ActivityRepository activities;
    private final DomainRepository domains;
    private final TenantContext context;

    public ActivityService(ActivityRepository activities, DomainRepository domains, TenantContext context) {
        this.activities = activities;
        this.domains = domains;
        this.context = context;
    }

    @Transactional
    @ReadOnly
    public Activity get(UUID id) {
        return activities.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("activity " + id));
    }

    @Transactional
    public Activity create(ActivityForm form) {
        Activity activity = new Activity();
        activity.id = Ids.next();
        activity.tenantId = context.circleId();
        activity.createdBy = context.userId();
        activity.createdAt = Instant.now();
        return save(activity, form);
    }

    @Transactional
    public Activity update(UUID id, String ifMatch, UnaryOperator<ActivityForm> patch) {
        Activity activity = ETags.matching(get(id), ifMatch, a -> a.version);
        return save(activity, patch.apply(ActivityForm.of(activity)));
    }

    /** Removes the activity; tasks made from it stay, without the link. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        activities.delete(ETags.matching(get(id), ifMatch, a -> a.version));
    }

    /** By sort order, then id; {@code active} filters. */
    @Transactional
    @ReadOnly
    public List<Activity> list(Optional<Boolean> active, Keyset keyset) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        active.ifPresent(value -> {
            query.append(" and active = :active");
            params.put("active", value);
        });
        if (keyset.after()) {
            params.put("sort", keyset.integer(0));
            params.put("id", keyset.uuid(1));
            query.append(" and (sortOrder > :sort or (sortOrder = :sort and id > :id))");
        }
        query.append(" order by sortOrder, id");
        return activities.find(query.toString(), params).page(0, keyset.fetch()).list();
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(Activity activity) {
        return List.of(activity.sortOrder, activity.id);
    }

    /**
     * Writes {@code form} into the activity (new or loaded) and flushes, so the version the
     * response carries is the one stored.
     */
    private Activity save(Activity activity, ActivityForm form) {
        if (form.domainId != null && domains.findByIdOptional(form.domainId).isEmpty()) {
            throw ProblemException.badField("domainId", "no such domain in this circle");
        }
        activity.domainId = form.domainId;
        activity.title = form.title.strip();
        activity.description = form.description;
        activity.category = form.category;
        activity.defaultDuration = form.defaultDuration;
        activity.energyLevel = form.energyLevel;
        activity.icon = form.icon == null || form.icon.isBlank() ? null : form.icon.strip();
        activity.active = form.active;
        activity.sortOrder = form.sortOrder;
        activity.updatedAt = Instant.now();
        activities.persist(activity);
        activities.flush();
        return activity;
    }
}
