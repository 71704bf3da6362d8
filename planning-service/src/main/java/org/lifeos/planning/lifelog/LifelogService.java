package org.lifeos.planning.lifelog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.lifelog.LifelogDtos.LifelogForm;
import org.lifeos.planning.time.Now;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.ids.Ids;
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
        Lifelog entry = new Lifelog();
        entry.id = Ids.next();
        entry.tenantId = context.circleId();
        entry.authorId = context.userId();
        entry.createdAt = Instant.now();
        apply(entry, form);
        entries.persist(entry);
        entries.flush();
        return entry;
    }

    @Transactional
    public Lifelog get(UUID id) {
        return entries.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("life log entry " + id));
    }

    @Transactional
    public Lifelog update(UUID id, String ifMatch, UnaryOperator<LifelogForm> patch) {
        Lifelog entry = ETags.matching(get(id), ifMatch, e -> e.version);
        apply(entry, patch.apply(LifelogForm.of(entry)));
        entries.flush();
        return entry;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        entries.delete(ETags.matching(get(id), ifMatch, e -> e.version));
    }

    /** Latest occurrence first. */
    @Transactional
    public List<Lifelog> list(Optional<Instant> from, Optional<Instant> to, Keyset keyset) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        from.ifPresent(v -> {
            query.append(" and occurredAt >= :from");
            params.put("from", v);
        });
        to.ifPresent(v -> {
            query.append(" and occurredAt < :to");
            params.put("to", v);
        });
        if (keyset.after()) {
            params.put("cAt", keyset.instant(0));
            params.put("cId", keyset.uuid(1));
            query.append(" and (occurredAt < :cAt or (occurredAt = :cAt and id < :cId))");
        }
        query.append(" order by occurredAt desc, id desc");
        return entries.find(query.toString(), params).page(0, keyset.fetch()).list();
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(Lifelog entry) {
        return List.of(entry.occurredAt, entry.id);
    }

    private void apply(Lifelog entry, LifelogForm form) {
        Instant current = now.instant();
        OffsetDateTime at = form.occurredAt;
        if (at != null && at.toInstant().isAfter(current)) {
            throw ProblemException.badField("occurredAt", "must not be in the future");
        }
        entry.content = form.content;
        entry.occurredAt = at == null ? current : at.toInstant();
        entry.updatedAt = Instant.now();
    }
}
