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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lifeos.planning.activity.ActivityDtos.ActivityForm;
import org.lifeos.planning.domain.DomainRepository;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/** The activity catalog, and what a task made from an activity takes from it. */
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
    public Activity create(ActivityForm form) {
        Activity activity = new Activity();
        activity.id = Ids.next();
        activity.tenantId = context.circleId();
        activity.createdBy = context.userId();
        activity.createdAt = Instant.now();
        apply(activity, form);
        activities.persist(activity);
        activities.flush();
        return activity;
    }

    @Transactional
    public Activity get(UUID id) {
        return activities.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("activity " + id));
    }

    @Transactional
    public Activity update(UUID id, String ifMatch, UnaryOperator<ActivityForm> patch) {
        Activity activity = get(id);
        ETags.requireMatch(ifMatch, activity.version);
        apply(activity, patch.apply(ActivityForm.of(activity)));
        activities.flush();
        return activity;
    }

    /** Removes the activity; tasks made from it stay, without the link. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Activity activity = get(id);
        ETags.requireMatch(ifMatch, activity.version);
        activities.delete(activity);
    }

    /** By sort order, then id; {@code active} filters. */
    @Transactional
    public List<Activity> list(Optional<Boolean> active, String cursor, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        active.ifPresent(value -> {
            query.append(" and active = :active");
            params.put("active", value);
        });
        if (cursor != null) {
            try {
                List<String> after = Cursors.decode(cursor, 2);
                params.put("sort", Integer.parseInt(after.get(0)));
                params.put("id", UUID.fromString(after.get(1)));
            } catch (RuntimeException e) {
                throw ProblemException.badField("cursor", "is not a cursor this list produced");
            }
            query.append(" and (sortOrder > :sort or (sortOrder = :sort and id > :id))");
        }
        query.append(" order by sortOrder, id");
        return activities.find(query.toString(), params).page(0, limit).list();
    }

    public static String cursorAfter(Activity last) {
        return Cursors.encode(List.of(String.valueOf(last.sortOrder), last.id.toString()));
    }

    /**
     * A task body naming {@code activityId}, with what the client left out taken from the activity
     * (title, duration as estimate and time block, energy, domain), and one use counted. Must run
     * in the transaction that creates the task, so a refused task counts nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public JsonNode prefillTask(JsonNode body) {
        if (!(body instanceof ObjectNode task) || !task.hasNonNull("activityId")) {
            return body;
        }
        UUID id;
        try {
            id = UUID.fromString(task.get("activityId").asText());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("activityId", "must be a UUID");
        }
        Activity activity = activities.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.badField("activityId", "no such activity in this circle"));
        ObjectNode filled = task.deepCopy();
        if (!filled.has("title")) {
            filled.put("title", activity.title);
        }
        if (!filled.has("estimatedMinutes")) {
            filled.put("estimatedMinutes", activity.defaultDuration);
        }
        if (!filled.has("timeBlockMinutes")) {
            filled.put("timeBlockMinutes", activity.defaultDuration);
        }
        if (!filled.has("energyLevel")) {
            filled.put("energyLevel", activity.energyLevel.toString());
        }
        if (!filled.has("domainId") && activity.domainId != null) {
            filled.put("domainId", activity.domainId.toString());
        }
        if (!filled.has("description") && activity.description != null) {
            filled.put("description", activity.description);
        }
        activities.countUse(activity.id);
        return filled;
    }

    private void apply(Activity activity, ActivityForm form) {
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
    }
}
