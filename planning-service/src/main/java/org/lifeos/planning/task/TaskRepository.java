package org.lifeos.planning.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Tasks of the current circle (row-level security hides every other circle's). */
@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, UUID> {

    public Optional<Task> findLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).firstResultOptional();
    }

    public Optional<Task> findDeleted(UUID id) {
        return find("id = ?1 and deletedAt is not null", id).firstResultOptional();
    }

    public List<Task> liveSubtasks(UUID parentId) {
        return list("parentId = ?1 and deletedAt is null", parentId);
    }

    public List<Task> deletedTogetherWith(UUID parentId, Instant deletedAt) {
        return list("parentId = ?1 and deletedAt = ?2", parentId, deletedAt);
    }
}
