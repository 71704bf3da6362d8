package org.lifeos.identity.recovery;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.lifeos.identity.user.FirstParty;
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
    @Access(resource = RecoveryKeyService.RESOURCE, action = "read", scope = FirstParty.ONLY)
    public RecoveryKeyService.Status status() {
        return keys.status(context.userId());
    }

    @POST
    @SecretResponse
    @Access(resource = RecoveryKeyService.RESOURCE, action = "manage", scope = FirstParty.ONLY)
    public Response regenerate() {
        return Response.created(URI.create("/api/v1/me/recovery-keys"))
                .entity(keys.regenerate(context.userId()))
                .build();
    }
}
