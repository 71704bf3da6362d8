package org.lifeos.planning.sprint;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Sprints of the current circle (row-level security hides every other circle's). */
@ApplicationScoped
public class SprintRepository implements PanacheRepositoryBase<Sprint, UUID> {

    public Optional<Sprint> successorOf(UUID sprintId) {
        return find("previousSprintId", sprintId).firstResultOptional();
    }
}
