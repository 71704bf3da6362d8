package org.lifeos.identity.webhook;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * A partner app's subscriptions live no longer than the consent they were made under (V26): they
 * end, in every circle, when the user withdraws the consent (through LifeOS or Keycloak's account
 * console) and when the app's owner deletes the app. Each runs in the caller's transaction, whose
 * user is the one withdrawing or deleting.
 */
@ApplicationScoped
public class WebhookEnds {

    private final EntityManager entityManager;

    public WebhookEnds(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The current user withdrew their consent to {@code clientId}; returns the subscriptions ended. */
    public long consentWithdrawn(String clientId) {
        return ((Number) entityManager.createNativeQuery("SELECT webhook_end_consented(CAST(?1 AS varchar))")
                .setParameter(1, clientId).getSingleResult()).longValue();
    }

    /** The current user is deleting their partner app {@code app}; returns the subscriptions ended. */
    public long partnerAppDeleted(UUID app) {
        return ((Number) entityManager.createNativeQuery("SELECT webhook_end_partner_app(?1)")
                .setParameter(1, app).getSingleResult()).longValue();
    }
}
