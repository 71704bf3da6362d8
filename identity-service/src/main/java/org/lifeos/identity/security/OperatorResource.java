package org.lifeos.identity.security;

import static org.lifeos.identity.IdentityResources.OPERATOR;
import static org.lifeos.identity.IdentityResources.PROFILE;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.lifeos.identity.privacy.AccountDeletion;
import org.lifeos.identity.privacy.PrivacyRequests;
import org.lifeos.platform.api.Page;
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
    public record UnlockForm(String reason) {
    }

    @POST
    @Path("/users/{id}/unlock")
    @Operation(operationId = "unlockUser", summary = "Clear a user's lockout",
            description = "Clears the lockout in Keycloak and records ACCOUNT_UNLOCKED, with the reason, in the user's "
                    + "security ledger. Operators (realm role `lifeos-operator`) only.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = UnlockForm.class),
            examples = @ExampleObject(name = "verified", value = "{\"reason\": \"identity verified by phone\"}")))
    @Access(resource = PROFILE, action = "read", scope = OPERATOR)
    public SecurityService.UnlockView unlock(@PathParam("id") UUID id, UnlockForm form) {
        requireOperator();
        return security.unlock(id, context.userId(), form == null ? null : form.reason());
    }

    @POST
    @Path("/security-events/replay")
    @Operation(operationId = "replaySecurityEvents", summary = "Replay Keycloak's stored user events into the ledger",
            description = "After a Kafka outage: replays the user events Keycloak stored from the day `since` "
                    + "(yyyy-mm-dd, default today) on; events already in the ledger are skipped. Runs by itself "
                    + "every few minutes as well. Operators only; 503 when Keycloak is unreachable.")
    @Access(resource = PROFILE, action = "read", scope = OPERATOR)
    public KeycloakEventsReplay.ReplayView replay(@QueryParam("since") String since) {
        requireOperator();
        LocalDate from;
        try {
            from = since == null || since.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(since);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField("since", "must be a date (yyyy-mm-dd)");
        }
        return replay.replay(from); // Keycloak unreachable: KeycloakAdmin's 503 problem
    }

    @GET
    @Path("/users/{id}/privacy-requests")
    @Operation(operationId = "listUserPrivacyRequests", summary = "A user's privacy requests",
            description = "Account deletions with each step's progress, newest first, all on one page. Operators only.")
    @Access(resource = PROFILE, action = "read", scope = OPERATOR)
    public Page<PrivacyRequests.PrivacyRequestView> privacyRequests(@PathParam("id") UUID id) {
        requireOperator();
        return new Page<>(deletion.requestsOf(id), null);
    }

    private void requireOperator() {
        if (!identity.hasRole(ROLE)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This needs the " + ROLE + " role");
        }
    }
}
