package org.lifeos.content.conversation;

import static org.lifeos.content.ContentResources.CONVERSATIONS;
import static org.lifeos.content.ContentResources.MANAGE;
import static org.lifeos.content.ContentResources.READ;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.content.conversation.ConversationDtos.AskForm;
import org.lifeos.content.conversation.ConversationDtos.ConversationForm;
import org.lifeos.content.conversation.ConversationDtos.ConversationView;
import org.lifeos.content.conversation.ConversationDtos.MessageForm;
import org.lifeos.content.conversation.ConversationDtos.MessageView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** The caller's own assistant conversations, their branching messages, and the (off by default) assistant. */
@Path("/api/v1/content/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationResource {

    private final ConversationService service;
    private final Forms forms;

    public ConversationResource(ConversationService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = CONVERSATIONS, action = "read", scope = READ)
    @Operation(operationId = "listConversations", summary = "The caller's conversations, newest first",
            description = "archived=true lists the archived ones instead.")
    public Page<ConversationView> list(@QueryParam("archived") String archived, @QueryParam("cursor") String cursor,
                                       @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.list(Params.bool("archived", archived).orElse(false), keyset),
                c -> List.of(c.startedAt, c.id), ConversationView::of, uri);
    }

    @POST
    @Access(resource = CONVERSATIONS, action = "write", scope = MANAGE)
    @Operation(operationId = "createConversation", summary = "Start a conversation")
    @APIResponse(responseCode = "201", description = "The conversation, with its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConversationView.class)))
    public RestResponse<ConversationView> create(JsonNode body, @Context UriInfo uri) {
        Conversation c = service.create(forms.create(body, ConversationForm.class));
        return Responses.created(uri, c.id, ConversationView.of(c), c.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = CONVERSATIONS, action = "read", scope = READ)
    @Operation(operationId = "getConversation", summary = "Get a conversation")
    @APIResponse(responseCode = "200", description = "The conversation, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConversationView.class)))
    public RestResponse<ConversationView> get(@PathParam("id") UUID id) {
        Conversation c = service.get(id);
        return Responses.ok(ConversationView.of(c), c.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = CONVERSATIONS, action = "write", scope = MANAGE)
    @Operation(operationId = "updateConversation", summary = "Rename or archive a conversation (JSON merge patch)")
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConversationView.class)))
    public RestResponse<ConversationView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                 JsonNode body) {
        Conversation c = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(ConversationView.of(c), c.version);
    }

    @DELETE
    @Path("{id}")
    @Access(resource = CONVERSATIONS, action = "delete", scope = MANAGE)
    @Operation(operationId = "deleteConversation", summary = "Delete a conversation and its messages")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @GET
    @Path("{id}/messages")
    @Access(resource = CONVERSATIONS, action = "read", scope = READ)
    @Operation(operationId = "listConversationMessages", summary = "A conversation's messages, oldest first",
            description = "With leaf, only the branch ending in that message, root first (not paged).")
    public Page<MessageView> messages(@PathParam("id") UUID id, @QueryParam("leaf") String leaf,
                                      @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                      @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        var leafId = Params.optionalUuid("leaf", leaf);
        List<Message> messages = service.messages(id, leafId, keyset);
        return leafId.isPresent() ? new Page<>(messages.stream().map(MessageView::of).toList(), null)
                : keyset.page(messages, m -> List.of(m.id), MessageView::of, uri);
    }

    @POST
    @Path("{id}/messages")
    @Access(resource = CONVERSATIONS, action = "write", scope = MANAGE)
    @Operation(operationId = "addConversationMessage", summary = "Add a message",
            description = "parentId must be a message of this conversation; answering one message twice branches.")
    @APIResponse(responseCode = "201", description = "The message",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageView.class)))
    public RestResponse<MessageView> add(@PathParam("id") UUID id, JsonNode body, @Context UriInfo uri) {
        Message m = service.add(id, forms.create(body, MessageForm.class));
        return Responses.created(uri, m.id, MessageView.of(m));
    }

    @GET
    @Path("{id}/messages/{messageId}")
    @Access(resource = CONVERSATIONS, action = "read", scope = READ)
    @Operation(operationId = "getConversationMessage", summary = "Get one message of a conversation")
    @APIResponse(responseCode = "200", description = "The message",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageView.class)))
    public MessageView message(@PathParam("id") UUID id, @PathParam("messageId") UUID messageId) {
        return MessageView.of(service.message(id, messageId));
    }

    @POST
    @Path("{id}/assistant")
    @Access(resource = CONVERSATIONS, action = "write", scope = MANAGE)
    @Operation(operationId = "askAssistant", summary = "Ask the assistant to answer after a message",
            description = "Off by default: 503 naming lifeos.content.assistant.enabled. LifeOS calls no model; an "
                    + "installation plugs its own Assistant in.")
    @APIResponse(responseCode = "201", description = "The assistant's message",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageView.class)))
    @APIResponse(responseCode = "503", description = "The assistant is off or not installed")
    public RestResponse<MessageView> ask(@PathParam("id") UUID id, JsonNode body, @Context UriInfo uri) {
        Message m = service.ask(id, forms.create(body, AskForm.class).parentId);
        return RestResponse.ResponseBuilder.<MessageView>created(uri.getBaseUriBuilder().path(ConversationResource.class)
                .path(id.toString()).path("messages").path(m.id.toString()).build()).entity(MessageView.of(m)).build();
    }
}
