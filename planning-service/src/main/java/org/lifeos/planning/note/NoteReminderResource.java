package org.lifeos.planning.note;

import static org.lifeos.planning.PlanningResources.NOTES;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifeos.planning.note.NoteDtos.ReminderView;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.Page;
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
    @Operation(operationId = "listDueNoteReminders", summary = "The caller's note reminders due now, oldest first",
            description = "Those the caller set whose time has passed and that are not dismissed, across all "
                    + "notes; at most `limit` (1-200, default 50), one page without `next`.")
    public Page<ReminderView> due(@QueryParam("limit") Integer limit) {
        return new Page<>(service.due(Cursors.limit(limit)), null);
    }

    @POST
    @Path("{id}/dismiss")
    @Access(resource = NOTES, action = "write", scope = WRITE)
    @Operation(operationId = "dismissNoteReminder", summary = "Dismiss one of the caller's reminders",
            description = "It is no longer due; dismissing twice is harmless. Another user's reminder is a 404.")
    public ReminderView dismiss(@PathParam("id") UUID id) {
        return service.dismiss(id);
    }
}
