package org.lifeos.planning.lifelog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.crud.Where;
import org.lifeos.planning.lifelog.LifelogDtos.LifelogForm;
import org.lifeos.planning.time.Now;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.TenantContext;

/** The circle's life log: entries of what happened, newest first; never dated in the future. */
@ApplicationScoped
public class LifelogService {

    private final LifelogRepository entries;
    private final Now now;
    private final TenantContext context;

    public LifelogService(LifelogRepository entries, Now now, TenantContext context) {
        this.entries = entries;
        this.now = now;
        this.context = context;
    }

    @Transactional
    public Lifelog create(LifelogForm form) {
        return save(new Lifelog(context.circleId(), context.userId()), form);
    }

    @Transactional
    public Lifelog get(UUID id) {
        return entries.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("life log entry " + id));
    }

    @Transactional
    public Lifelog update(UUID id, String ifMatch, UnaryOperator<LifelogForm> patch) {
        Lifelog entry = ETags.matching(get(id), ifMatch, e -> e.version);
        return save(entry, patch.apply(LifelogForm.of(entry)));
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        entries.delete(ETags.matching(get(id), ifMatch, e -> e.version));
    }

    /** Latest occurrence first. */
    @Transactional
    public List<Lifelog> list(Optional<Instant> from, Optional<Instant> to, Keyset keyset) {
        return Where.all().and("occurredAt >= :from", "from", from).and("occurredAt < :to", "to", to)
                .after(keyset, "(occurredAt < :cAt or (occurredAt = :cAt and id < :cId))",
                        k -> Map.of("cAt", k.instant(0), "cId", k.uuid(1)))
                .page(entries, "occurredAt desc, id desc", keyset);
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(Lifelog entry) {
        return List.of(entry.occurredAt, entry.id);
    }

    /** Writes {@code form} onto {@code entry}, new or loaded, and flushes: the answer shows its new version. */
    private Lifelog save(Lifelog entry, LifelogForm form) {
        Instant current = now.instant();
        OffsetDateTime at = form.occurredAt;
        if (at != null && at.toInstant().isAfter(current)) {
            throw ProblemException.badField("occurredAt", "must not be in the future");
        }
        entry.content = form.content;
        entry.occurredAt = at == null ? current : at.toInstant();
        entry.updatedAt = Instant.now();
            entries.persistAndFlush(entry);
        return entry;
    }
}
