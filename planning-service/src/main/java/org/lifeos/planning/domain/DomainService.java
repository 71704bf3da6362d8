package org.lifeos.planning.domain;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lifeos.planning.crud.Where;
import org.lifeos.planning.domain.DomainDtos.DomainForm;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.TenantContext;

/** The circle's domains; slugs are unique in the circle. */
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
        return save(new Domain(context.circleId(), context.userId()), form);
    }

    @Transactional
    public Domain update(UUID id, String ifMatch, UnaryOperator<DomainForm> patch) {
        Domain domain = ETags.matching(get(id), ifMatch, d -> d.version);
        return save(domain, patch.apply(DomainForm.of(domain)));
    }

    @Transactional
    public Domain get(UUID id) {
        return domains.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("domain " + id));
    }

    /** By sort order, then id. */
    @Transactional
    public List<Domain> list(Optional<Boolean> active, Keyset keyset) {
        return Where.all().and("active = :active", "active", active)
                .after(keyset, "(sortOrder > :sort or (sortOrder = :sort and id > :id))",
                        k -> Map.of("sort", k.integer(0), "id", k.uuid(1)))
                .page(domains, "sortOrder, id", keyset);
    }

    /** What the list sorts by, in cursor order. */
    public static List<Object> sortKey(Domain domain) {
        return List.of(domain.sortOrder, domain.id);
    }

    /** Writes {@code form} onto {@code domain}, new or loaded, and flushes: the answer shows its new version. */
    private Domain save(Domain domain, DomainForm form) {
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
            domains.persistAndFlush(domain);
        return domain;
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
}
