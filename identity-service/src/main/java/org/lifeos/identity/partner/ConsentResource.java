package org.lifeos.identity.partner;

import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.lifeos.identity.client.KeycloakAdmin;
import org.lifeos.identity.user.FirstParty;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's consents to partner apps, as Keycloak keeps them. Revoking one makes Keycloak drop
 * the consent, the app's offline tokens and the user's sessions with the app, so its refresh
 * tokens fail; the next sign-in through the app asks for consent again.
 */
@Path("/api/v1/me/consents")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final KeycloakAdmin keycloak;
    private final TenantContext context;

    public ConsentResource(KeycloakAdmin keycloak, TenantContext context) {
        this.keycloak = keycloak;
        this.context = context;
    }

    public record ConsentDto(String clientId, List<String> scopes, java.time.Instant grantedAt,
                             java.time.Instant updatedAt) {
    }

    @GET
    @Access(resource = "profile", action = "read", scope = FirstParty.ONLY)
    public Page<ConsentDto> list() {
        return new Page<>(keycloak.consents(context.userId()).stream()
                .map(c -> new ConsentDto(c.clientId(), c.scopes(), c.grantedAt(), c.updatedAt())).toList(), null);
    }

    @DELETE
    @Path("/{clientId}")
    @Access(resource = "profile", action = "write", scope = FirstParty.ONLY)
    public Response revoke(@PathParam("clientId") String clientId) {
        if (!keycloak.revokeConsent(context.userId(), clientId)) {
            throw ProblemException.notFound("Consent to " + clientId);
        }
        return Response.noContent().build();
    }
}
