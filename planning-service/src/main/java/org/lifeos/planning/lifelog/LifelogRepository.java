package org.lifeos.planning.lifelog;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Life log entries of the current circle (row-level security hides every other circle's). */
@ApplicationScoped
public class LifelogRepository implements PanacheRepositoryBase<Lifelog, UUID> {
}
