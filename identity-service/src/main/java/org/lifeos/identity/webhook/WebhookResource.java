package org.lifeos.identity.webhook;

import static org.lifeos.identity.IdentityResources.CIRCLES;
import static org.lifeos.identity.IdentityResources.WEBHOOKS;

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
 * The caller's webhook subscriptions in the request's circle ({@code X-Circle-Id}, default the
 * personal one). Subscribing and rotating the secret need sudo mode, and their answers carry the
 * {@code whsec_} secret for the only time. A partner app holding {@code webhooks:manage} may do the
 * same for its own subscriptions (no sudo mode: that is the user's), within the scopes the user
 * granted it; it sees only the subscriptions it made, the user's LifeOS apps see all of them.
 * Personal access tokens cannot.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final WebhookService webhooks;
    private final TenantContext context;
    private final Forms forms;

    public WebhookResource(WebhookService webhooks, TenantContext context, Forms forms) {
        this.webhooks = webhooks;
        this.context = context;
        this.forms = forms;
    }

    @POST
    @SecretResponse
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to events of the circle",
            description = "Event types: task.created, task.completed, habit.checked_in (planning:read), "
                    + "transaction.posted (finance:read), samples.ingested (health:read), content.revenue "
                    + "(content:revenue); each needs its scope among `scopes` and the caller's right to read it in the "
                    + "circle. The URL must not reach a private, loopback or link-local address. The answer carries "
                    + "`secret` (whsec_...) for the only time. Deliveries follow the Standard Webhooks spec. Needs "
                    + "sudo mode from LifeOS's own apps; a partner app with `webhooks:manage` subscribes without it, with "
                    + "`scopes` among those the user granted it (403 otherwise), and the subscription is its own "
                    + "(`clientId`): it ends when the user withdraws the consent. At most 20 per user and circle.")
    @RequestBody(content = @Content(schema = @Schema(implementation = WebhookForm.class), examples = @ExampleObject(
            name = "tasks", value = "{\"url\": \"https://hooks.example.com/lifeos\", \"eventTypes\": [\"task.created\"], "
                    + "\"scopes\": [\"planning:read\"]}")))
    @APIResponse(responseCode = "201", description = "Subscribed, with the secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @Access(resource = CIRCLES, action = "read", scope = WEBHOOKS)
    public RestResponse<WebhookView> create(JsonNode body, @Context UriInfo uri) {
        WebhookView webhook = webhooks.subscribe(context.userId(), forms.create(body, WebhookForm.class));
        return Responses.created(uri, webhook.id(), webhook);
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The caller's webhooks in the circle",
            description = "Ordered by id, `limit` (default 50, at most 200) per page; never the secret.")
    @Access(resource = CIRCLES, action = "read", scope = WEBHOOKS)
    public Page<WebhookView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                  @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(webhooks.page(context.userId(), keyset), w -> List.of(w.id()), Function.identity(), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "One of the caller's webhooks")
    @Access(resource = CIRCLES, action = "read", scope = WEBHOOKS)
    public WebhookView get(@PathParam("id") UUID id) {
        return webhooks.get(context.userId(), id);
    }

    @POST
    @Path("/{id}/secret")
    @SecretResponse
    @Operation(operationId = "rotateWebhookSecret", summary = "Give a webhook a new signing secret",
            description = "The answer carries the new secret for the only time; the previous one keeps signing "
                    + "(a second signature in `webhook-signature`) until `previousSecretUntil` (24 h). Needs sudo mode.")
    @Access(resource = CIRCLES, action = "read", scope = WEBHOOKS)
    public WebhookView rotateSecret(@PathParam("id") UUID id) {
        return webhooks.rotateSecret(context.userId(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Remove a webhook and its delivery log")
    @APIResponse(responseCode = "204", description = "Removed")
    @Access(resource = CIRCLES, action = "read", scope = WEBHOOKS)
    public void delete(@PathParam("id") UUID id) {
        webhooks.delete(context.userId(), id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "A webhook's delivery log",
            description = "Each delivery with its status (pending, succeeded, failed), attempts, the last response "
                    + "code and latency in ms; oldest first, `limit` (default 50, at most 200) per page.")
    @Access(resource = CIRCLES, action = "read", scope = WEBHOOKS)
    public Page<WebhookService.DeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                                        @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(webhooks.deliveries(context.userId(), id, keyset), d -> List.of(d.id()),
                Function.identity(), uri);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @Operation(operationId = "replayWebhookDelivery", summary = "Send a delivery again",
            description = "A new delivery of the same event and payload, sent at once (with the current secret).")
    @APIResponse(responseCode = "202", description = "Queued")
    @Access(resource = CIRCLES, action = "read", scope = WEBHOOKS)
    public RestResponse<WebhookService.DeliveryView> replay(@PathParam("id") UUID id,
                                                            @PathParam("deliveryId") UUID deliveryId) {
        return RestResponse.accepted(webhooks.replay(context.userId(), id, deliveryId));
    }
}
