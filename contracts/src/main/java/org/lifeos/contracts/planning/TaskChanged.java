package org.lifeos.contracts.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@code planning.task} events ({@code task.created}, {@code task.updated},
 * {@code task.completed}, {@code task.deleted}, {@code task.restored}): the task's identity and
 * the fields other services act on; read the task for the rest.
 */
public record TaskChanged(UUID taskId, UUID domainId, UUID parentId, String status, String priority,
                          LocalDate dueDate, Integer estimatedMinutes, Instant completedAt, long version) {

    public static final String TOPIC = "planning.task";
}
