package org.lifeos.platform.tenancy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who acts, in which circle, with which role — resolved once per request by {@link AccessFilter}
 * (or set by a consumer for the event it handles) and applied to every transaction by
 * {@link TenantTransactions}.
 */
@RequestScoped
public class TenantContext {

    private UUID userId;
    private UUID circleId;
    private UUID personalCircleId;
    private String role;
    private Set<String> scopes = Set.of();
    private Instant authTime;
    private String clientId;
    private boolean firstParty;

    public void set(UUID userId, UUID circleId) {
        this.userId = userId;
        this.circleId = circleId;
    }

    void resolved(AccessDecision decision, Set<String> scopes, Instant authTime, String clientId, boolean firstParty) {
        this.userId = decision.userId();
        this.circleId = decision.circleId();
        this.personalCircleId = decision.personalCircleId();
        this.role = decision.role();
        this.scopes = scopes;
        this.authTime = authTime;
        this.clientId = clientId;
        this.firstParty = firstParty;
    }

    public boolean isSet() {
        return circleId != null;
    }

    public UUID userId() {
        return require(userId);
    }

    public UUID circleId() {
        return require(circleId);
    }

    public Optional<UUID> personalCircleId() {
        return Optional.ofNullable(personalCircleId);
    }

    public Optional<String> role() {
        return Optional.ofNullable(role);
    }

    public Set<String> scopes() {
        return scopes;
    }

    public Optional<Instant> authTime() {
        return Optional.ofNullable(authTime);
    }

    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    /**
     * Whether the request's token is one of LifeOS's own apps' ({@code lifeos.auth.first-party-clients}),
     * as {@link AccessFilter} decided it; false for a partner app's token and outside a request.
     */
    public boolean firstParty() {
        return firstParty;
    }

    private static UUID require(UUID value) {
        if (value == null) {
            throw new IllegalStateException("no tenant context: this code runs outside a resolved request or event");
        }
        return value;
    }
}
