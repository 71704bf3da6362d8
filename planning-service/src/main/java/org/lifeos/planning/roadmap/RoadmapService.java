package org.lifeos.planning.roadmap;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.domain.DomainRepository;
import org.lifeos.planning.goal.GoalRepository;
import org.lifeos.planning.roadmap.RoadmapDtos.MilestoneForm;
import org.lifeos.planning.roadmap.RoadmapDtos.RoadmapForm;
import org.lifeos.planning.roadmap.RoadmapDtos.RoadmapView;
import org.lifeos.planning.roadmap.RoadmapEnums.MilestoneStatus;
import org.lifeos.planning.roadmap.RoadmapEnums.Status;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/** Roadmaps of the circle and their milestones; the linked domain and goal must be the circle's own. */
@ApplicationScoped
public class RoadmapService {

    private final RoadmapRepository roadmaps;
    private final DomainRepository domains;
    private final GoalRepository goals;
    private final TenantContext context;

    public RoadmapService(RoadmapRepository roadmaps, DomainRepository domains, GoalRepository goals,
                          TenantContext context) {
        this.roadmaps = roadmaps;
        this.domains = domains;
        this.goals = goals;
        this.context = context;
    }

    @Transactional
    public RoadmapView create(RoadmapForm form) {
        Roadmap roadmap = new Roadmap();
        roadmap.id = Ids.next();
        roadmap.tenantId = context.circleId();
        roadmap.createdBy = context.userId();
        roadmap.createdAt = Instant.now();
        apply(roadmap, form);
        roadmaps.persist(roadmap);
        roadmaps.flush();
        return RoadmapView.of(roadmap, List.of());
    }

    @Transactional
    public RoadmapView view(UUID id) {
        Roadmap roadmap = get(id);
        return RoadmapView.of(roadmap, roadmaps.milestones(id));
    }

    @Transactional
    public RoadmapView update(UUID id, String ifMatch, UnaryOperator<RoadmapForm> patch) {
        Roadmap roadmap = ETags.matching(get(id), ifMatch, r -> r.version);
        apply(roadmap, patch.apply(RoadmapForm.of(roadmap)));
        roadmaps.flush();
        return RoadmapView.of(roadmap, roadmaps.milestones(id));
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Roadmap roadmap = ETags.matching(get(id), ifMatch, r -> r.version);
        roadmaps.getEntityManager().createQuery("delete from Milestone where roadmapId = ?1").setParameter(1, id)
                .executeUpdate();
        roadmaps.delete(roadmap);
    }

    @Transactional
    public List<RoadmapView> list(Optional<Status> status, Keyset keyset) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        status.ifPresent(v -> {
            query.append(" and status = :status");
            params.put("status", v);
        });
        if (keyset.after()) {
            query.append(" and id > :after");
            params.put("after", keyset.uuid(0));
        }
        query.append(" order by id");
        return roadmaps.find(query.toString(), params).page(0, keyset.fetch()).list().stream()
                .map(r -> RoadmapView.of(r, roadmaps.milestones(r.id))).toList();
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(RoadmapView roadmap) {
        return List.of(roadmap.id());
    }

    @Transactional
    public Milestone addMilestone(UUID roadmapId, MilestoneForm form) {
        Roadmap roadmap = get(roadmapId);
        Milestone milestone = new Milestone();
        milestone.id = Ids.next();
        milestone.tenantId = roadmap.tenantId;
        milestone.roadmapId = roadmapId;
        milestone.createdAt = Instant.now();
        apply(milestone, form);
        roadmaps.getEntityManager().persist(milestone);
        touch(roadmap);
        return milestone;
    }

    @Transactional
    public Milestone updateMilestone(UUID roadmapId, UUID milestoneId, String ifMatch,
                                     UnaryOperator<MilestoneForm> patch) {
        Roadmap roadmap = get(roadmapId);
        Milestone milestone = ETags.matching(milestone(roadmapId, milestoneId), ifMatch, m -> m.version);
        apply(milestone, patch.apply(MilestoneForm.of(milestone)));
        touch(roadmap);
        return milestone;
    }

    @Transactional
    public void deleteMilestone(UUID roadmapId, UUID milestoneId, String ifMatch) {
        Roadmap roadmap = get(roadmapId);
        Milestone milestone = ETags.matching(milestone(roadmapId, milestoneId), ifMatch, m -> m.version);
        roadmaps.getEntityManager().remove(milestone);
        touch(roadmap);
    }

    @Transactional
    public Milestone getMilestone(UUID roadmapId, UUID milestoneId) {
        get(roadmapId);
        return milestone(roadmapId, milestoneId);
    }

    private Milestone milestone(UUID roadmapId, UUID milestoneId) {
        return roadmaps.milestone(roadmapId, milestoneId).orElseThrow(() -> ProblemException.notFound("milestone "
                + milestoneId + " of roadmap " + roadmapId));
    }

    private Roadmap get(UUID id) {
        return roadmaps.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("roadmap " + id));
    }

    private void touch(Roadmap roadmap) {
        roadmap.updatedAt = Instant.now();
        roadmaps.flush();
    }

    private void apply(Roadmap roadmap, RoadmapForm form) {
        if (form.domainId != null && domains.findByIdOptional(form.domainId).isEmpty()) {
            throw ProblemException.badField("domainId", "no such domain in this circle");
        }
        if (form.goalId != null && goals.findByIdOptional(form.goalId).isEmpty()) {
            throw ProblemException.badField("goalId", "no such goal in this circle");
        }
        if (form.startDate != null && form.targetDate != null && form.targetDate.isBefore(form.startDate)) {
            throw ProblemException.badField("targetDate", "must not be before startDate");
        }
        roadmap.domainId = form.domainId;
        roadmap.goalId = form.goalId;
        roadmap.title = form.title.strip();
        roadmap.description = form.description;
        roadmap.status = form.status;
        roadmap.startDate = form.startDate;
        roadmap.targetDate = form.targetDate;
        roadmap.data = form.data;
        roadmap.updatedAt = Instant.now();
    }

    private static void apply(Milestone milestone, MilestoneForm form) {
        if (form.status == MilestoneStatus.DONE && milestone.status != MilestoneStatus.DONE) {
            milestone.completedAt = Instant.now();
        } else if (form.status != MilestoneStatus.DONE) {
            milestone.completedAt = null;
        }
        milestone.title = form.title.strip();
        milestone.description = form.description;
        milestone.dueDate = form.dueDate;
        milestone.status = form.status;
        milestone.sortOrder = form.sortOrder;
        milestone.updatedAt = Instant.now();
    }
}
