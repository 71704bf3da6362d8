package org.lifeos.planning.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a REST {@code DELETE} method whose success is a critical action for the circle's audit
 * log: {@link DeleteAudit} publishes an {@code AuditEvent} ({@code <entity>.deleted}) on
 * {@code audit.events} through the outbox, in one transaction with the delete. A delete that
 * fails (404, 409, 412, another circle's id) publishes nothing.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AuditedDelete {

    /** The kind of thing deleted, e.g. {@code task}; the action is {@code task.deleted}. */
    @Nonbinding
    String entity() default "";

    /** The path parameter that names the deleted thing; its value is the event's entity id. */
    @Nonbinding
    String id() default "id";

    /**
     * For a thing under another one (a column of a board), what the {@code id} path parameter
     * names, e.g. {@code board}: the details then carry it as {@code boardId}.
     */
    @Nonbinding
    String parent() default "";
}
