package org.lifeos.planning.board;

import static org.lifeos.planning.PlanningResources.KANBAN_BOARDS;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.lifeos.planning.board.BoardDtos.BoardForm;
import org.lifeos.planning.board.BoardDtos.BoardSummary;
import org.lifeos.planning.board.BoardDtos.BoardView;
import org.lifeos.planning.board.BoardDtos.ColumnForm;
import org.lifeos.planning.board.BoardDtos.NewBoardForm;
import org.lifeos.planning.board.BoardDtos.PlacementForm;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.tenancy.Access;

/**
 * Kanban boards: {@code GET /{id}} shows the columns in order with their tasks in order;
 * {@code PUT /{id}/tasks/{taskId}} with {@code {"columnId", "position"}} moves a task in one call.
 */
@Path("/api/v1/boards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BoardResource {

    private final BoardService service;
    private final Forms forms;

    public BoardResource(BoardService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = KANBAN_BOARDS, action = "read", scope = READ)
    public Page<BoardSummary> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                   @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        List<KanbanBoard> page = service.list(cursor, size);
        return Page.of(page, size, BoardService::cursorAfter, BoardSummary::of, uri);
    }

    @POST
    @Access(resource = KANBAN_BOARDS, action = "write", scope = WRITE)
    public Response create(JsonNode body) {
        KanbanBoard board = service.create(forms.create(body, NewBoardForm.class));
        return Response.created(URI.create("/api/v1/boards/" + board.id)).tag(ETags.tag(board.version))
                .entity(service.view(board.id)).build();
    }

    @GET
    @Path("{id}")
    @Access(resource = KANBAN_BOARDS, action = "read", scope = READ)
    public Response get(@PathParam("id") String id) {
        BoardView view = service.view(Params.uuid("id", id));
        return Response.ok(view).tag(ETags.tag(view.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = KANBAN_BOARDS, action = "write", scope = WRITE)
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        KanbanBoard board = service.update(Params.uuid("id", id), ifMatch, form -> forms.merge(form, body));
        return Response.ok(BoardSummary.of(board)).tag(ETags.tag(board.version)).build();
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "kanban_board")
    @Access(resource = KANBAN_BOARDS, action = "delete", scope = WRITE)
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.uuid("id", id), ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/columns")
    @Access(resource = KANBAN_BOARDS, action = "write", scope = WRITE)
    public Response addColumn(@PathParam("id") String id, JsonNode body) {
        UUID board = Params.uuid("id", id);
        KanbanColumn column = service.addColumn(board, forms.create(body, ColumnForm.class));
        return Response.created(URI.create("/api/v1/boards/" + board + "/columns/" + column.id))
                .entity(service.view(board)).build();
    }

    @PATCH
    @Path("{id}/columns/{columnId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = KANBAN_BOARDS, action = "write", scope = WRITE)
    public Response updateColumn(@PathParam("id") String id, @PathParam("columnId") String columnId,
                                 @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        UUID board = Params.uuid("id", id);
        service.updateColumn(board, Params.uuid("columnId", columnId), ifMatch, form -> forms.merge(form, body));
        return Response.ok(service.view(board)).build();
    }

    @DELETE
    @Path("{id}/columns/{columnId}")
    @AuditedDelete(entity = "kanban_column", id = "columnId", parent = "board")
    @Access(resource = KANBAN_BOARDS, action = "write", scope = WRITE)
    public Response deleteColumn(@PathParam("id") String id, @PathParam("columnId") String columnId,
                                 @HeaderParam("If-Match") String ifMatch) {
        service.deleteColumn(Params.uuid("id", id), Params.uuid("columnId", columnId), ifMatch);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/tasks/{taskId}")
    @Access(resource = KANBAN_BOARDS, action = "write", scope = WRITE)
    public Response place(@PathParam("id") String id, @PathParam("taskId") String taskId, JsonNode body) {
        UUID board = Params.uuid("id", id);
        service.place(board, Params.uuid("taskId", taskId), forms.create(body, PlacementForm.class));
        return Response.ok(service.view(board)).build();
    }

    @DELETE
    @Path("{id}/tasks/{taskId}")
    @AuditedDelete(entity = "board_task", id = "taskId", parent = "board")
    @Access(resource = KANBAN_BOARDS, action = "write", scope = WRITE)
    public Response remove(@PathParam("id") String id, @PathParam("taskId") String taskId) {
        service.remove(Params.uuid("id", id), Params.uuid("taskId", taskId));
        return Response.noContent().build();
    }
}
