package org.lifeos.identity.recovery;

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
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lifeos.platform.api.ClientAddresses;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.error.Problems;

/**
 * Using a recovery key: no token (the user has lost their password), rate limited per account
 * and per client address (the caller's own behind the ingress and the gateway, see
 * {@link ClientAddresses}, never the last proxy's, which would be one limit for everyone). Lives outside {@code /api/}, because the platform's access filter refuses every
 * {@code /api} request without a token, as it should for everything else.
 */
@Path(RecoveryResource.PATH)
@Singleton
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecoveryResource {

    public static final String PATH = "/public/v1/recovery";

    private final RecoveryKeyService keys;
    private final ClientAddresses addresses;
    private final Forms forms;

    public RecoveryResource(RecoveryKeyService keys, ClientAddresses addresses, Forms forms) {
        this.keys = keys;
        this.addresses = addresses;
        this.forms = forms;
    }

    @POST
    @Path("/password")
    @Operation(operationId = "resetPasswordWithRecoveryKey", summary = "Set a new password with a recovery key",
            description = "No token: for a user who lost their password. The password is set, every session of the "
                    + "account ended and the key used up. Rate limited per account and per client address (429 "
                    + "with Retry-After); a wrong login or key is one 400 that does not tell which was wrong.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RecoveryForm.class), examples = @ExampleObject(
            name = "reset", value = "{\"login\": \"alice@example.com\", \"key\": \"7K3QH-0M2XD-R8VJC-4TB9N\", "
                    + "\"newPassword\": \"a long new passphrase\"}")))
    @APIResponse(responseCode = "204", description = "The password is set")
    public void resetPassword(JsonNode body, @Context HttpServerRequest request) {
        RecoveryForm form = forms.create(body, RecoveryForm.class);
        keys.redeem(form.login, form.key, form.newPassword, addresses.of(request));
    }

    @ServerExceptionMapper
    public Response rateLimited(RecoveryLimits.RateLimited e, ContainerRequestContext request) {
        return Response.fromResponse(Problems.response(e.type(), e.getMessage(), request))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }
}
