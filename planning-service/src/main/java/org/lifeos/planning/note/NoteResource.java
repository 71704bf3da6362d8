package org.lifeos.planning.note;

import static org.lifeos.planning.PlanningResources.NOTES;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.planning.audit.AuditedDelete;
import org.lifeos.planning.note.NoteDtos.NoteForm;
import org.lifeos.planning.note.NoteDtos.NoteView;
import org.lifeos.planning.note.NoteDtos.ReminderForm;
import org.lifeos.planning.note.NoteDtos.ReminderView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/** The circle's notes and each note's reminders. */
@Path("/api/v1/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {

    private final NoteService service;
    private final Forms forms;

    public NoteResource(NoteService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = NOTES, action = "read", scope = READ)
    @Operation(operationId = "listNotes", summary = "The circle's notes, latest change first",
            description = "`tag` keeps notes carrying that tag; keyset-paged (`limit` 1-200, default 50; follow "
                    + "`next`).")
    public Page<NoteView> list(@QueryParam("tag") String tag, @QueryParam("cursor") String cursor,
                               @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.list(tag, keyset), NoteService::sortKey, NoteView::of, uri);
    }

    @POST
    @Access(resource = NOTES, action = "write", scope = WRITE)
    @Operation(operationId = "createNote", summary = "Write a note",
            description = "Tags are trimmed and kept once each; the caller owns the note.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NoteForm.class), examples = @ExampleObject(
            name = "note", value = "{\"title\": \"Trip ideas\", \"content\": \"Lisbon in May\", "
                    + "\"tags\": [\"travel\"]}")))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NoteView.class)))
    public RestResponse<NoteView> create(JsonNode body, @Context UriInfo uri) {
        Note note = service.create(forms.create(body, NoteForm.class));
        return Responses.created(uri, note.id, NoteView.of(note), note.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = NOTES, action = "read", scope = READ)
    @Operation(operationId = "getNote", summary = "One note")
    public RestResponse<NoteView> get(@PathParam("id") UUID id) {
        Note note = service.get(id);
        return Responses.ok(NoteView.of(note), note.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = NOTES, action = "write", scope = WRITE)
    @Operation(operationId = "updateNote", summary = "Change a note (merge patch)",
            description = "Send `If-Match` with the ETag read to refuse overwriting a newer change (412).")
    @RequestBody(content = @Content(schema = @Schema(implementation = NoteForm.class)))
    public RestResponse<NoteView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                         JsonNode body) {
        Note note = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(NoteView.of(note), note.version);
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "note")
    @Access(resource = NOTES, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteNote", summary = "Delete a note and its reminders")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @GET
    @Path("{id}/reminders")
    @Access(resource = NOTES, action = "read", scope = READ)
    @Operation(operationId = "listNoteReminders", summary = "A note's reminders, soonest first",
            description = "Everyone's reminders on the note (at most 50), dismissed ones included; one page.")
    public Page<ReminderView> reminders(@PathParam("id") UUID id) {
        return new Page<>(service.reminders(id), null);
    }

    @POST
    @Path("{id}/reminders")
    @Access(resource = NOTES, action = "write", scope = WRITE)
    @Operation(operationId = "createNoteReminder", summary = "Be reminded of a note at a time",
            description = "`remindAt` (RFC 3339 with offset) must lie in the future; a note has at most 50 "
                    + "reminders. Once the time has passed it is due for the user who set it until dismissed.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReminderForm.class), examples = @ExampleObject(
            name = "reminder", value = "{\"remindAt\": \"2026-03-12T09:00:00+01:00\"}")))
    @APIResponse(responseCode = "201", description = "Set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReminderView.class)))
    public RestResponse<ReminderView> remind(@PathParam("id") UUID id, JsonNode body, @Context UriInfo uri) {
        ReminderView reminder = service.remind(id, forms.create(body, ReminderForm.class));
        return Responses.created(uri, reminder.id(), reminder);
    }

    @DELETE
    @Path("{id}/reminders/{reminderId}")
    @AuditedDelete(entity = "note_reminder", id = "reminderId", parent = "note")
    @Access(resource = NOTES, action = "write", scope = WRITE)
    @Operation(operationId = "deleteNoteReminder", summary = "Delete a reminder of a note")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteReminder(@PathParam("id") UUID id, @PathParam("reminderId") UUID reminderId) {
        service.deleteReminder(id, reminderId);
    }
}
