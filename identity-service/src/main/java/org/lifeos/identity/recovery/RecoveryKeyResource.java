package org.lifeos.identity.recovery;

import static org.lifeos.identity.IdentityResources.FIRST_PARTY_ONLY;
import static org.lifeos.identity.IdentityResources.PROFILE;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.platform.api.SecretResponse;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's recovery keys: how many are left (GET), and a new set (POST, sudo mode), whose keys
 * this answer shows for the only time ({@link SecretResponse}: {@code Cache-Control: no-store}, and
 * never replayed for an {@code Idempotency-Key}).
 */
@Path("/api/v1/me/recovery-keys")
@Produces(MediaType.APPLICATION_JSON)
public class RecoveryKeyResource {

    private final RecoveryKeyService keys;
    private final TenantContext context;

    public RecoveryKeyResource(RecoveryKeyService keys, TenantContext context) {
        this.keys = keys;
        this.context = context;
    }

    @GET
    @Operation(operationId = "getMyRecoveryKeyStatus", summary = "How many of the caller's recovery keys are left",
            description = "Counts only; the keys themselves are never shown again. First-party apps only.")
    @Access(resource = PROFILE, action = "read", scope = FIRST_PARTY_ONLY)
    public RecoveryKeyService.RecoveryKeyStatusView status() {
        return keys.status(context.userId());
    }

    @POST
    @SecretResponse
    @Operation(operationId = "regenerateMyRecoveryKeys", summary = "Make a new set of recovery keys",
            description = "Ten one-time keys, shown in this answer for the only time (`Cache-Control: no-store`, "
                    + "never replayed for an `Idempotency-Key`); the previous set stops working. Needs sudo mode.")
    @APIResponse(responseCode = "201", description = "The new keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecoveryKeyService.RecoveryKeySetView.class)))
    @Access(resource = PROFILE, action = "manage", scope = FIRST_PARTY_ONLY)
    public RestResponse<RecoveryKeyService.RecoveryKeySetView> regenerate(@Context UriInfo uri) {
        // One set per user: its Location is this collection itself.
        return RestResponse.ResponseBuilder.<RecoveryKeyService.RecoveryKeySetView>created(uri.getAbsolutePath())
                .entity(keys.regenerate(context.userId())).build();
    }
}
