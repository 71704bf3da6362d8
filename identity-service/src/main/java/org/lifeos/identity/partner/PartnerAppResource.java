package org.lifeos.identity.partner;

import static org.lifeos.identity.IdentityResources.FIRST_PARTY_ONLY;
import static org.lifeos.identity.IdentityResources.PARTNER_APPS;

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
 * The caller's partner apps. Registering and rotating the secret need sudo mode, and their answers
 * carry the client secret for the only time ({@link SecretResponse}: {@code Cache-Control: no-store},
 * and never replayed for an {@code Idempotency-Key}).
 */
@Path("/api/v1/partner-apps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerAppResource {

    private final PartnerAppService apps;
    private final TenantContext context;
    private final Forms forms;

    public PartnerAppResource(PartnerAppService apps, TenantContext context, Forms forms) {
        this.apps = apps;
        this.context = context;
        this.forms = forms;
    }

    @POST
    @SecretResponse
    @Operation(operationId = "registerPartnerApp", summary = "Register a partner app",
            description = "Makes a confidential Keycloak client for the app. The answer carries `clientSecret` for "
                    + "the only time (`Cache-Control: no-store`, never replayed for an `Idempotency-Key`). Needs "
                    + "sudo mode; first-party apps only; at most 20 apps per user.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PartnerAppForm.class), examples = @ExampleObject(
            name = "app", value = "{\"name\": \"Habit sync\", \"redirectUris\": [\"https://habits.example.com/callback\"], "
                    + "\"scopes\": [\"planning:read\"]}")))
    @APIResponse(responseCode = "201", description = "Registered, with the client secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerAppView.class)))
    @APIResponse(responseCode = "409", description = "The caller already has 20 partner apps")
    @Access(resource = PARTNER_APPS, action = "manage", scope = FIRST_PARTY_ONLY)
    public RestResponse<PartnerAppView> register(JsonNode body, @Context UriInfo uri) {
        PartnerAppView app = apps.register(context.userId(), forms.create(body, PartnerAppForm.class));
        return Responses.created(uri, app.id(), app);
    }

    @GET
    @Operation(operationId = "listPartnerApps", summary = "The caller's partner apps",
            description = "Ordered by id, `limit` (default 50, at most 200) per page; without secrets.")
    @Access(resource = PARTNER_APPS, action = "read", scope = FIRST_PARTY_ONLY)
    public Page<PartnerAppView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                     @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(apps.page(context.userId(), keyset), a -> List.of(a.id()), Function.identity(), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPartnerApp", summary = "One of the caller's partner apps")
    @Access(resource = PARTNER_APPS, action = "read", scope = FIRST_PARTY_ONLY)
    public PartnerAppView get(@PathParam("id") UUID id) {
        return apps.get(context.userId(), id);
    }

    @POST
    @Path("/{id}/secret")
    @SecretResponse
    @Operation(operationId = "rotatePartnerAppSecret", summary = "Give a partner app a new client secret",
            description = "The old secret stops working at once; the answer carries the new one for the only time. "
                    + "Needs sudo mode.")
    @Access(resource = PARTNER_APPS, action = "manage", scope = FIRST_PARTY_ONLY)
    public PartnerAppView rotateSecret(@PathParam("id") UUID id) {
        return apps.rotateSecret(context.userId(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deletePartnerApp", summary = "Remove a partner app",
            description = "Removes its Keycloak client: the app's tokens and sessions go with it.")
    @APIResponse(responseCode = "204", description = "Removed")
    @Access(resource = PARTNER_APPS, action = "delete", scope = FIRST_PARTY_ONLY)
    public void delete(@PathParam("id") UUID id) {
        apps.delete(context.userId(), id);
    }
}
