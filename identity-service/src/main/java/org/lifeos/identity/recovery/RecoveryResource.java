package org.lifeos.identity.recovery;

import java.util.List;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.error.Problems;

/**
 * Using a recovery key: no token (the user has lost their password), rate limited per account
 * and per address. Lives outside {@code /api/}, because the platform's access filter refuses every
 * {@code /api} request without a token, as it should for everything else.
 */
@Path(RecoveryResource.PATH)
@Singleton
@Startup // made at start, so a malformed lifeos.recovery.trusted-proxies stops the service there
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecoveryResource {

    public static final String PATH = "/public/v1/recovery";

    private final RecoveryKeyService keys;
    private final TrustedProxies proxies;
    private final Forms forms;

    public RecoveryResource(RecoveryKeyService keys, RecoverySettings settings, Forms forms) {
        this.keys = keys;
        this.proxies = new TrustedProxies(settings.trustedProxies());
        this.forms = forms;
    }

    /** 204: the password is set, every session of the account ended, the key used up. */
    @POST
    @Path("/password")
    public Response resetPassword(JsonNode body, @Context HttpServerRequest request) {
        RecoveryForm form = forms.create(body, RecoveryForm.class);
        keys.redeem(form.login, form.key, form.newPassword, callerAddress(request));
        return Response.noContent().build();
    }

    @ServerExceptionMapper
    public Response rateLimited(RecoveryLimits.RateLimited e, ContainerRequestContext request) {
        return Response.fromResponse(Problems.response(e.type(), e.getMessage(), request))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }

    /** The peer, or behind a trusted proxy (the gateway) the address it appended to X-Forwarded-For. */
    private String callerAddress(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank() || !proxies.trusts(peer)) {
            return peer;
        }
        List<String> hops = List.of(forwarded.split(","));
        String last = hops.get(hops.size() - 1).strip();
        return last.isEmpty() ? peer : last;
    }
}
