package org.lifeos.identity.security;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.lifeos.identity.privacy.AccountDeletion;
import org.lifeos.identity.privacy.PrivacyRequests;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Operator actions on other users' accounts: for people holding Keycloak's realm role
 * {@code lifeos-operator} (a first-party token; no partner scope grants it).
 */
@Path("/api/v1/operator")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    public static final String ROLE = "lifeos-operator";

    private final SecurityService security;
    private final KeycloakEventsReplay replay;
    private final TenantContext context;
    private final SecurityIdentity identity;
    private final AccountDeletion deletion;

    public OperatorResource(SecurityService security, KeycloakEventsReplay replay, TenantContext context,
                            SecurityIdentity identity, AccountDeletion deletion) {
        this.deletion = deletion;
        this.security = security;
        this.replay = replay;
        this.context = context;
        this.identity = identity;
    }

    /** The body of an unlock: why (kept in the ledger). */
    public record UnlockRequest(String reason) {
    }

    /** Clears the user's lockout in Keycloak and records ACCOUNT_UNLOCKED in their ledger. */
    @POST
    @Path("/users/{id}/unlock")
    @Access(resource = "profile", action = "read", scope = "identity:operator")
    public SecurityService.UnlockResult unlock(@PathParam("id") UUID id, UnlockRequest request) {
        requireOperator();
        return security.unlock(id, context.userId(), request == null ? null : request.reason());
    }

    /**
     * After a Kafka outage: replays the user events Keycloak stored from the day {@code since} on
     * (default today) into the ledger; events already there are skipped.
     */
    @POST
    @Path("/security-events/replay")
    @Access(resource = "profile", action = "read", scope = "identity:operator")
    public KeycloakEventsReplay.Result replay(@QueryParam("since") String since) {
        requireOperator();
        LocalDate from;
        try {
            from = since == null || since.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(since);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField("since", "must be a date (yyyy-mm-dd)");
        }
        return replay.replay(from); // Keycloak unreachable: KeycloakAdmin's 503 problem
    }

    /** The user's privacy requests (account deletion) with each step's progress, newest first. */
    @GET
    @Path("/users/{id}/privacy-requests")
    @Access(resource = "profile", action = "read", scope = "identity:operator")
    public Map<String, List<PrivacyRequests.Request>> privacyRequests(@PathParam("id") UUID id) {
        requireOperator();
        return Map.of("items", deletion.requestsOf(id));
    }

    private void requireOperator() {
        if (!identity.hasRole(ROLE)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This needs the " + ROLE + " role");
        }
    }
}
