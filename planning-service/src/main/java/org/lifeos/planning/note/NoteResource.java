package org.lifeos.planning.note;

import java.net.URI;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.planning.audit.AuditedDelete;
import org.lifeos.planning.note.NoteDtos.NoteForm;
import org.lifeos.planning.note.NoteDtos.NoteView;
import org.lifeos.planning.note.NoteDtos.ReminderForm;
import org.lifeos.planning.note.NoteDtos.ReminderView;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
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
    @Access(resource = "notes", action = "read", scope = "planning:read")
    public Page<NoteView> list(@QueryParam("tag") String tag, @QueryParam("cursor") String cursor,
                               @QueryParam("limit") Integer limit, @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        List<Note> page = service.list(tag, cursor, size);
        return Page.of(page, size, NoteService::cursorAfter, NoteView::of, uri);
    }

    @POST
    @Access(resource = "notes", action = "write", scope = "planning:write")
    public Response create(JsonNode body) {
        Note note = service.create(forms.create(body, NoteForm.class));
        return Response.created(URI.create("/api/v1/notes/" + note.id)).tag(ETags.tag(note.version))
                .entity(NoteView.of(note)).build();
    }

    @GET
    @Path("{id}")
    @Access(resource = "notes", action = "read", scope = "planning:read")
    public Response get(@PathParam("id") String id) {
        Note note = service.get(Params.uuid("id", id));
        return Response.ok(NoteView.of(note)).tag(ETags.tag(note.version)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = "notes", action = "write", scope = "planning:write")
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Note note = service.update(Params.uuid("id", id), ifMatch, form -> forms.merge(form, body));
        return Response.ok(NoteView.of(note)).tag(ETags.tag(note.version)).build();
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "note")
    @Access(resource = "notes", action = "delete", scope = "planning:write")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.uuid("id", id), ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/reminders")
    @Access(resource = "notes", action = "read", scope = "planning:read")
    public Page<ReminderView> reminders(@PathParam("id") String id) {
        return new Page<>(service.reminders(Params.uuid("id", id)), null);
    }

    @POST
    @Path("{id}/reminders")
    @Access(resource = "notes", action = "write", scope = "planning:write")
    public Response remind(@PathParam("id") String id, JsonNode body) {
        UUID note = Params.uuid("id", id);
        ReminderView reminder = service.remind(note, forms.create(body, ReminderForm.class));
        return Response.created(URI.create("/api/v1/notes/" + note + "/reminders/" + reminder.id()))
                .entity(reminder).build();
    }

    @DELETE
    @Path("{id}/reminders/{reminderId}")
    @AuditedDelete(entity = "note_reminder", id = "reminderId", parent = "note")
    @Access(resource = "notes", action = "write", scope = "planning:write")
    public Response deleteReminder(@PathParam("id") String id, @PathParam("reminderId") String reminderId) {
        service.deleteReminder(Params.uuid("id", id), Params.uuid("reminderId", reminderId));
        return Response.noContent().build();
    }
}
