package org.lifeos.identity.partner;

import static org.lifeos.identity.IdentityResources.FIRST_PARTY_ONLY;
import static org.lifeos.identity.IdentityResources.PROFILE;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.lifeos.identity.client.KeycloakAdmin;
import org.lifeos.identity.consent.ConsentRecords;
import org.lifeos.platform.api.ClientAddresses;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's consents to partner apps, as Keycloak keeps them. Revoking one is also a consent
 * record ({@link ConsentRecords}: withdrawn, with the scopes the app had).
 */
@Path("/api/v1/me/consents")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final KeycloakAdmin keycloak;
    private final TenantContext context;
    private final ConsentRecords records;
    private final ClientAddresses addresses;

    public ConsentResource(KeycloakAdmin keycloak, TenantContext context, ConsentRecords records,
                           ClientAddresses addresses) {
        this.keycloak = keycloak;
        this.context = context;
        this.records = records;
        this.addresses = addresses;
    }

    /** One app the caller consented to, with the scopes granted. */
    public record ConsentView(String clientId, List<String> scopes, Instant grantedAt, Instant updatedAt) {
    }

    @GET
    @Operation(operationId = "listMyConsents", summary = "The partner apps the caller consented to",
            description = "All on one page. First-party apps only.")
    @Access(resource = PROFILE, action = "read", scope = FIRST_PARTY_ONLY)
    public Page<ConsentView> list() {
        return new Page<>(keycloak.consents(context.userId()).stream()
                .map(c -> new ConsentView(c.clientId(), c.scopes(), c.grantedAt(), c.updatedAt())).toList(), null);
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(operationId = "revokeMyConsent", summary = "Revoke the caller's consent to a partner app",
            description = "Keycloak drops the consent, the app's offline tokens and the user's sessions with the app, "
                    + "so its refresh tokens fail; the next sign-in through the app asks for consent again.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @Access(resource = PROFILE, action = "write", scope = FIRST_PARTY_ONLY)
    public void revoke(@PathParam("clientId") String clientId, @Context io.vertx.core.http.HttpServerRequest request) {
        List<String> scopes = keycloak.consents(context.userId()).stream().filter(c -> c.clientId().equals(clientId))
                .findFirst().map(KeycloakAdmin.Consent::scopes).orElse(List.of());
        if (!keycloak.revokeConsent(context.userId(), clientId)) {
            throw ProblemException.notFound("Consent to " + clientId);
        }
        records.record(context.userId(), ConsentRecords.PARTNER_APP, clientId, ConsentRecords.WITHDRAWN, scopes, "api",
                addresses.of(request), null);
    }
}
