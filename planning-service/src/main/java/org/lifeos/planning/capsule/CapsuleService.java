package org.lifeos.planning.capsule;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.capsule.CapsuleDtos.CapsuleForm;
import org.lifeos.planning.crud.Where;
import org.lifeos.planning.time.Now;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Time capsules. The clock is {@link Now}, one bean, so tests move time instead of sleeping.
 * Before {@code unlockAt} a capsule's content never leaves the service: reading it is a 403
 * problem saying when it opens. The first read after that records {@code unlockedAt}.
 */
@ApplicationScoped
public class CapsuleService {

    private static final long MAX_YEARS = 100;

    private final CapsuleRepository capsules;
    private final Now now;
    private final TenantContext context;

    public CapsuleService(CapsuleRepository capsules, Now now, TenantContext context) {
        this.capsules = capsules;
        this.now = now;
        this.context = context;
    }

    public Instant now() {
        return now.instant();
    }

    @Transactional
    public Capsule create(CapsuleForm form) {
        Instant current = now.instant();
        Instant unlockAt = form.unlockAt.toInstant();
        if (!unlockAt.isAfter(current)) {
            throw ProblemException.badField("unlockAt", "must be in the future (now is " + current + ")");
        }
        if (unlockAt.isAfter(current.plus(MAX_YEARS * 366, ChronoUnit.DAYS))) {
            throw ProblemException.badField("unlockAt", "must be within " + MAX_YEARS + " years");
        }
        Capsule capsule = new Capsule(context.circleId(), context.userId());
        capsule.title = form.title.strip();
        capsule.content = form.content;
        capsule.unlockAt = unlockAt;
        capsules.persistAndFlush(capsule);
        return capsule;
    }

    @Transactional
    public Capsule find(UUID id) {
        return capsules.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("capsule " + id));
    }

    /** The capsule with its content, once unlocked; before that a 403 and nothing of the content. */
    @Transactional
    public Capsule open(UUID id) {
        Capsule capsule = find(id);
        Instant current = now.instant();
        if (capsule.sealedAt(current)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Capsule " + id + " is sealed until "
                    + capsule.unlockAt + "; its content cannot be read before then");
        }
        if (capsule.unlockedAt == null) {
            capsule.unlockedAt = current;
            capsules.flush();
        }
        return capsule;
    }

    @Transactional
    public void delete(UUID id) {
        capsules.delete(find(id));
    }

    /** By unlock time, soonest first. */
    @Transactional
    public List<Capsule> list(Keyset keyset) {
        return Where.all()
                .after(keyset, "(unlockAt > :cAt or (unlockAt = :cAt and id > :cId))",
                        k -> Map.of("cAt", k.instant(0), "cId", k.uuid(1)))
                .page(capsules, "unlockAt, id", keyset);
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(Capsule capsule) {
        return List.of(capsule.unlockAt, capsule.id);
    }
}
