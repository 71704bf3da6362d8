package org.lifeos.identity.apikey;

import static org.lifeos.identity.IdentityResources.FIRST_PARTY_ONLY;
import static org.lifeos.identity.IdentityResources.PROFILE;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.api.SecretResponse;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's personal access tokens. Making one needs sudo mode, and its answer carries the
 * token for the only time ({@link SecretResponse}: {@code Cache-Control: no-store}, never
 * replayed for an {@code Idempotency-Key}). LifeOS's own apps only: a token (or a partner app)
 * cannot make or see tokens.
 */
@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private final ApiKeyService keys;
    private final ApiKeyResolution resolution;
    private final TenantContext context;
    private final Forms forms;

    public ApiKeyResource(ApiKeyService keys, ApiKeyResolution resolution, TenantContext context, Forms forms) {
        this.keys = keys;
        this.resolution = resolution;
        this.context = context;
        this.forms = forms;
    }

    @POST
    @SecretResponse
    @Operation(operationId = "createApiKey", summary = "Make a personal access token",
            description = "A token that acts for the caller with the given domain scopes (those a partner app may "
                    + "have), until `expiresAt` (optional) or until revoked. The answer carries `token` for the only "
                    + "time (`Cache-Control: no-store`); send it as `Authorization: Bearer <token>`. Needs sudo mode; "
                    + "first-party apps only; at most 50 live tokens per user.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ApiKeyForm.class), examples = @ExampleObject(
            name = "key", value = "{\"name\": \"backup script\", \"scopes\": [\"planning:read\"], "
                    + "\"expiresAt\": \"2027-01-01T00:00:00Z\"}")))
    @APIResponse(responseCode = "201", description = "Made, with the token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "409", description = "The caller already has 50 live tokens")
    @Access(resource = PROFILE, action = "manage", scope = FIRST_PARTY_ONLY)
    public RestResponse<ApiKeyView> create(JsonNode body, @Context UriInfo uri) {
        ApiKeyView key = keys.create(context.userId(), forms.create(body, ApiKeyForm.class));
        return Responses.created(uri, key.id(), key);
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "The caller's personal access tokens",
            description = "Revoked ones included, ordered by id, `limit` (default 50, at most 200) per page; never the token.")
    @Access(resource = PROFILE, action = "read", scope = FIRST_PARTY_ONLY)
    public Page<ApiKeyView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                 @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(keys.page(context.userId(), keyset), k -> List.of(k.id()), Function.identity(), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getApiKey", summary = "One of the caller's personal access tokens")
    @Access(resource = PROFILE, action = "read", scope = FIRST_PARTY_ONLY)
    public ApiKeyView get(@PathParam("id") UUID id) {
        return keys.get(context.userId(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke a personal access token",
            description = "The next request with it is refused (401), here, at the gateway and in every service. "
                    + "The record stays, revoked.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @Access(resource = PROFILE, action = "manage", scope = FIRST_PARTY_ONLY)
    public void revoke(@PathParam("id") UUID id) {
        ApiKeyView key = keys.revoke(context.userId(), id);
        resolution.evict(key.id()); // after the commit; a lookup that read the key before it does not cache it (ApiKeyResolution)
    }
}
