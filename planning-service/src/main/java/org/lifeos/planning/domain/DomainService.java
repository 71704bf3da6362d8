package org.lifeos.planning.domain;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.domain.DomainDtos.DomainForm;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.TenantContext;

@ApplicationScoped
public class DomainService {

    private final DomainRepository domains;
    private final TenantContext context;

    public DomainService(DomainRepository domains, TenantContext context) {
        this.domains = domains;
        this.context = context;
    }

    @Transactional
    public Domain create(DomainForm form) {
        Domain domain = new Domain();
        domain.id = Ids.next();
        domain.tenantId = context.circleId();
        domain.createdBy = context.userId();
        domain.createdAt = Instant.now();
        apply(domain, form);
        domains.persist(domain);
        return domain;
    }

    @Transactional
    public Domain update(UUID id, String ifMatch, java.util.function.Function<DomainForm, DomainForm> patch) {
        Domain domain = get(id);
        ETags.requireMatch(ifMatch, domain.version);
        apply(domain, patch.apply(DomainForm.of(domain)));
        domains.flush();
        return domain;
    }

    @Transactional
    public Domain get(UUID id) {
        return domains.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("domain " + id));
    }

    /** A page ordered by sort order, then id; {@code cursor} continues after the previous page. */
    @Transactional
    public List<Domain> list(Optional<Boolean> active, String cursor, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        var params = new java.util.HashMap<String, Object>();
        active.ifPresent(value -> {
            query.append(" and active = :active");
            params.put("active", value);
        });
        if (cursor != null) {
            List<String> after = Cursors.decode(cursor, 2);
            query.append(" and (sortOrder > :sort or (sortOrder = :sort and id > :id))");
            params.put("sort", parseInt(after.get(0)));
            params.put("id", UUID.fromString(after.get(1)));
        }
        query.append(" order by sortOrder, id");
        return domains.find(query.toString(), params).page(0, limit).list();
    }

    public static String cursorAfter(Domain last) {
        return Cursors.encode(List.of(String.valueOf(last.sortOrder), last.id.toString()));
    }

    private void apply(Domain domain, DomainForm form) {
        String slug = form.slug != null ? form.slug : slugOf(form.name);
        if (domains.slugTaken(slug, domain.id)) {
            throw new ProblemException(ProblemType.CONFLICT, "A domain with slug " + slug + " already exists",
                    List.of(new Problem.FieldError("slug", "is already used by another domain")));
        }
        domain.name = form.name.strip();
        domain.type = form.type;
        domain.slug = slug;
        domain.color = form.color.toUpperCase(Locale.ROOT);
        domain.icon = form.icon.strip();
        domain.description = form.description;
        domain.active = form.active;
        domain.sortOrder = form.sortOrder;
        domain.config = form.config;
        domain.updatedAt = Instant.now();
    }

    /** A URL-safe slug from a name: "Life Admin" becomes "life-admin". */
    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 50) {
            slug = slug.substring(0, 50).replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            throw ProblemException.badField("slug", "is required when the name has no letters or digits");
        }
        return slug;
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badField("cursor", "is not a cursor this list produced");
        }
    }
}
