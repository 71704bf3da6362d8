package org.lifeos.identity.session;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
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

    /** Every session, newest first; a user has a handful, so one page holds them all. */
    @GET
    @Access(resource = "profile", action = "read", scope = FirstParty.ONLY)
    public Page<SessionDto> list() {
        return new Page<>(sessions.list(context.userId(), currentSession()), null);
    }

    @DELETE
    @Path("/{id}")
    @Access(resource = "profile", action = "write", scope = FirstParty.ONLY)
    public Response end(@PathParam("id") String id) {
        sessions.end(context.userId(), id);
        return Response.noContent().build();
    }

    /** {@code ?others=true}: every session but the current one ("sign out everywhere else"). */
    @DELETE
    @Access(resource = "profile", action = "write", scope = FirstParty.ONLY)
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
