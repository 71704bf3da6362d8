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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
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
    public Page<NoteView> list(@QueryParam("tag") String tag, @QueryParam("cursor") String cursor,
                               @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.list(tag, keyset), NoteService::sortKey, NoteView::of, uri);
    }

    @POST
    @Access(resource = NOTES, action = "write", scope = WRITE)
    public RestResponse<NoteView> create(JsonNode body, @Context UriInfo uri) {
        Note note = service.create(forms.create(body, NoteForm.class));
        return Responses.created(uri, note.id, NoteView.of(note), note.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = NOTES, action = "read", scope = READ)
    public RestResponse<NoteView> get(@PathParam("id") UUID id) {
        Note note = service.get(id);
        return Responses.ok(NoteView.of(note), note.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = NOTES, action = "write", scope = WRITE)
    public RestResponse<NoteView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Note note = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(NoteView.of(note), note.version);
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "note")
    @Access(resource = NOTES, action = "delete", scope = WRITE)
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/reminders")
    @Access(resource = NOTES, action = "read", scope = READ)
    public Page<ReminderView> reminders(@PathParam("id") UUID id) {
        return new Page<>(service.reminders(id), null);
    }

    @POST
    @Path("{id}/reminders")
    @Access(resource = NOTES, action = "write", scope = WRITE)
    public RestResponse<ReminderView> remind(@PathParam("id") UUID id, JsonNode body, @Context UriInfo uri) {
        ReminderView reminder = service.remind(id, forms.create(body, ReminderForm.class));
        return Responses.created(uri, reminder.id(), reminder);
    }

    @DELETE
    @Path("{id}/reminders/{reminderId}")
    @AuditedDelete(entity = "note_reminder", id = "reminderId", parent = "note")
    @Access(resource = NOTES, action = "write", scope = WRITE)
    public Response deleteReminder(@PathParam("id") UUID id, @PathParam("reminderId") UUID reminderId) {
        service.deleteReminder(id, reminderId);
        return Response.noContent().build();
    }
}
