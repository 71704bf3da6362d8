package org.lifeos.identity.session;

import static org.lifeos.identity.IdentityResources.FIRST_PARTY_ONLY;
import static org.lifeos.identity.IdentityResources.PROFILE;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.lifeos.identity.user.FirstParty;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's signed-in sessions (Keycloak's), and ending them. The current session is the one
 * the token's {@code sid} names. Only first-party apps manage sessions (see {@link FirstParty}).
 */
@Path("/api/v1/me/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;
    private final TenantContext context;
    private final JsonWebToken token;

    public SessionResource(SessionService sessions, TenantContext context, JsonWebToken token) {
        this.sessions = sessions;
        this.context = context;
        this.token = token;
    }

    /** A user has a handful of sessions, so one page holds them all. */
    @GET
    @Operation(operationId = "listMySessions", summary = "The caller's signed-in sessions",
            description = "Newest first, all on one page; `current` marks the session of the request's token.")
    @Access(resource = PROFILE, action = "read", scope = FIRST_PARTY_ONLY)
    public Page<SessionView> list() {
        return new Page<>(sessions.list(context.userId(), currentSession()), null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "endMySession", summary = "End one of the caller's sessions",
            description = "Signs the session out in Keycloak: its refresh tokens stop working.")
    @APIResponse(responseCode = "204", description = "Ended")
    @Access(resource = PROFILE, action = "write", scope = FIRST_PARTY_ONLY)
    public void end(@PathParam("id") String id) {
        sessions.end(context.userId(), id);
    }

    @DELETE
    @Operation(operationId = "endMyOtherSessions", summary = "Sign out everywhere else",
            description = "With `?others=true`: ends every session but the current one and answers how many ended.")
    @APIResponse(responseCode = "200", description = "How many sessions ended", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "ended", value = "{\"ended\": 2}")))
    @Access(resource = PROFILE, action = "write", scope = FIRST_PARTY_ONLY)
    public Map<String, Integer> endOthers(@QueryParam("others") String others) {
        if (!"true".equals(others)) {
            throw ProblemException.badField("others", "must be true: DELETE /api/v1/me/sessions ends all other sessions");
        }
        String current = currentSession().orElseThrow(() -> ProblemException.badField("sid",
                "the token names no session, so 'others' is unknown; end sessions one by one"));
        return Map.of("ended", sessions.endOthers(context.userId(), current));
    }

    private Optional<String> currentSession() {
        return token.<String>claim("sid").filter(s -> !s.isBlank());
    }
}
