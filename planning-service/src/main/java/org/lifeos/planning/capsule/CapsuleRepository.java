package org.lifeos.planning.capsule;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Capsules of the current circle (row-level security hides every other circle's). */
@ApplicationScoped
public class CapsuleRepository implements PanacheRepositoryBase<Capsule, UUID> {
}
