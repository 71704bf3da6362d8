package org.lifeos.planning.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Domains of the current circle (row-level security hides every other circle's). */
@ApplicationScoped
public class DomainRepository implements PanacheRepositoryBase<Domain, UUID> {

    public boolean slugTaken(String slug, UUID except) {
        return count("slug = ?1 and id <> ?2", slug, except == null ? new UUID(0, 0) : except) > 0;
    }
}
