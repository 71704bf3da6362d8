package org.lifeos.identity.security;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Appends to security_events (seed 002 types, e.g. RECOVERY_KEY_USED) in the transaction of what
 * happened. Row-level security needs the transaction's user to be {@code user}.
 */
@ApplicationScoped
public class SecurityEventLog {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public SecurityEventLog(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID user, String type, Map<String, Object> details) {
        try {
            entityManager.createNativeQuery("""
                            INSERT INTO security_events (id, user_id, type, details)
                            VALUES (?1, ?2, ?3, CAST(?4 AS jsonb))""")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, user)
                    .setParameter(3, type)
                    .setParameter(4, json.writeValueAsString(details))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("security event details are not JSON", e);
        }
    }
}
