package org.lifeos.planning.skill;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.lifeos.planning.crud.Where;
import org.lifeos.planning.skill.SkillDtos.ProgressForm;
import org.lifeos.planning.skill.SkillDtos.SkillForm;
import org.lifeos.planning.time.UserDay;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Skills and their progress. A skill's current level is that of its latest progress entry (by
 * date recorded, then by when it was written), so back-filling an older level never lowers it.
 */
@ApplicationScoped
public class SkillService {

    private final SkillRepository skills;
    private final UserDay day;
    private final TenantContext context;

    public SkillService(SkillRepository skills, UserDay day, TenantContext context) {
        this.skills = skills;
        this.day = day;
        this.context = context;
    }

    @Transactional
    public Skill create(SkillForm form) {
        return save(new Skill(context.circleId(), context.userId()), form);
    }

    @Transactional
    public Skill get(UUID id) {
        return skills.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("skill " + id));
    }

    @Transactional
    public Skill update(UUID id, String ifMatch, UnaryOperator<SkillForm> patch) {
        Skill skill = ETags.matching(get(id), ifMatch, s -> s.version);
        return save(skill, patch.apply(SkillForm.of(skill)));
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Skill skill = ETags.matching(get(id), ifMatch, s -> s.version);
        skills.getEntityManager().createQuery("delete from SkillProgress where skillId = ?1").setParameter(1, id)
                .executeUpdate();
        skills.delete(skill);
    }

    /** Oldest first (ids are time-ordered). */
    @Transactional
    public List<Skill> list(String category, Keyset keyset) {
        return Where.all().and("category = :category", "category", category)
                .after(keyset, "id > :after", k -> Map.of("after", k.uuid(0)))
                .page(skills, "id", keyset);
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(Skill skill) {
        return List.of(skill.id);
    }

    /** Records a level; concurrent records of one skill queue on its row so the current level is the latest. */
    @Transactional
    public SkillProgress record(UUID skillId, ProgressForm form) {
        Skill skill = get(skillId);
        skills.getEntityManager().lock(skill, LockModeType.PESSIMISTIC_WRITE);
        SkillProgress progress = new SkillProgress();
        progress.id = Ids.next();
        progress.tenantId = skill.tenantId;
        progress.skillId = skill.id;
        progress.level = form.level;
        progress.recordedOn = day.notAfterToday("recordedOn", form.recordedOn);
        progress.note = form.note;
        progress.createdBy = context.userId();
        progress.createdAt = Instant.now();
        skills.getEntityManager().persist(progress);
        skills.flush();
        skill.currentLevel = skills.progress(skillId).get(0).level;
        skill.updatedAt = Instant.now();
        skills.flush();
        return progress;
    }

    @Transactional
    public List<SkillProgress> progress(UUID skillId) {
        get(skillId);
        return skills.progress(skillId);
    }

    /** Writes {@code form} onto {@code skill}, new or loaded, and flushes: the answer shows its new version. */
    private Skill save(Skill skill, SkillForm form) {
        skills.named(form.name).filter(other -> !other.id.equals(skill.id)).ifPresent(other -> {
            throw new ProblemException(ProblemType.CONFLICT, "The circle already has a skill named " + other.name,
                    List.of(new Problem.FieldError("name", "is taken by skill " + other.id)));
        });
        skill.name = form.name.strip();
        skill.category = form.category.strip();
        skill.targetLevel = form.targetLevel;
        skill.updatedAt = Instant.now();
            skills.persistAndFlush(skill);
        return skill;
    }
}
