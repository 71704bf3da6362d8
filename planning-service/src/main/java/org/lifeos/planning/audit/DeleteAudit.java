package org.lifeos.planning.audit;

import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.PathParam;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lifeos.contracts.audit.AuditEvent;
import org.lifeos.platform.outbox.Outbox;

/**
 * Sends every {@link AuditedDelete} deletion to the circle's audit log (identity-service), as
 * {@code audit.events} through the outbox. The delete and the event share one transaction (the
 * service's {@code @Transactional} method joins it), so a delete that fails or rolls back
 * publishes nothing, and a committed one is never lost. The details are the other path
 * parameters (ids, a date or week), never anything a request body or a row holds.
 */
@AuditedDelete
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class DeleteAudit {

    private final Outbox outbox;
    private final String source;

    public DeleteAudit(Outbox outbox, @ConfigProperty(name = "quarkus.application.name") String source) {
        this.outbox = outbox;
        this.source = source;
    }

    @AroundInvoke
    Object audit(InvocationContext invocation) throws Exception {
        AuditedDelete audited = invocation.getMethod().getAnnotation(AuditedDelete.class);
        if (audited == null || audited.entity().isEmpty()) {
            throw new IllegalStateException("@AuditedDelete needs the entity on " + invocation.getMethod());
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            Object result = invocation.proceed();
            Map<String, Object> details = new TreeMap<>();
            String entityId = null;
            Parameter[] parameters = invocation.getMethod().getParameters();
            for (int i = 0; i < parameters.length; i++) {
                PathParam path = parameters[i].getAnnotation(PathParam.class);
                if (path == null) {
                    continue;
                }
                String value = String.valueOf(invocation.getParameters()[i]);
                if (path.value().equals(audited.id())) {
                    entityId = value;
                } else if (path.value().equals("id") && !audited.parent().isEmpty()) {
                    details.put(audited.parent() + "Id", value);
                } else {
                    details.put(path.value(), value);
                }
            }
            outbox.publish(AuditEvent.TOPIC, AuditEvent.TYPE, new AuditEvent(source, audited.entity() + ".deleted",
                    audited.entity(), entityId, details));
            return result;
        });
    }
}
