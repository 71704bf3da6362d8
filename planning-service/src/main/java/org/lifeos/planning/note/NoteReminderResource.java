package org.lifeos.planning.note;

import static org.lifeos.planning.PlanningResources.NOTES;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.lifeos.planning.note.NoteDtos.ReminderView;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.tenancy.Access;

/** The caller's reminders across notes: those due now, and dismissing one. */
@Path("/api/v1/note-reminders")
@Produces(MediaType.APPLICATION_JSON)
public class NoteReminderResource {

    private final NoteService service;

    public NoteReminderResource(NoteService service) {
        this.service = service;
    }

    @GET
    @Path("due")
    @Access(resource = NOTES, action = "read", scope = READ)
    public Page<ReminderView> due(@QueryParam("limit") Integer limit) {
        return new Page<>(service.due(Cursors.limit(limit)), null);
    }

    @POST
    @Path("{id}/dismiss")
    @Access(resource = NOTES, action = "write", scope = WRITE)
    public ReminderView dismiss(@PathParam("id") String id) {
        return service.dismiss(Params.uuid("id", id));
    }
}
