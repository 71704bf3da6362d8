package org.lifeos.planning.task;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Status history of the current circle's tasks. */
@ApplicationScoped
public class TaskLogRepository implements PanacheRepositoryBase<TaskLog, UUID> {

    public List<TaskLog> ofTask(UUID taskId) {
        return list("taskId = ?1 order by changedAt, id", taskId);
    }
}
