package org.lifeos.planning.board;

import static org.lifeos.planning.PlanningResources.KANBAN_BOARDS;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

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
import org.lifeos.planning.board.BoardDtos.BoardSummaryView;
import org.lifeos.planning.board.BoardDtos.BoardView;
import org.lifeos.planning.board.BoardDtos.ColumnForm;
import org.lifeos.planning.board.BoardDtos.NewBoardForm;
import org.lifeos.planning.board.BoardDtos.PlacementForm;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
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
    @Operation(operationId = "listBoards", summary = "List kanban boards (without their columns)")
    public Page<BoardSummaryView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                       @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.list(keyset), BoardService::sortKey, BoardSummaryView::of, uri);
    }

    @POST
    @Access(resource = KANBAN_BOARDS, action = "write", scope = WRITE)
    @Operation(operationId = "createBoard", summary = "Create a kanban board, optionally with its first columns")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewBoardForm.class), examples = @ExampleObject(name = "board",
            value = "{\"name\": \"Website relaunch\", \"columns\": [\"To do\", \"Doing\", \"Done\"]}")))
    @APIResponse(responseCode = "201", description = "The board with its columns, its ETag and Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BoardView.class)))
    public RestResponse<BoardView> create(JsonNode body, @Context UriInfo uri) {
        KanbanBoard board = service.create(forms.create(body, NewBoardForm.class));
        return Responses.created(uri, board.id, service.view(board.id), board.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = KANBAN_BOARDS, action = "read", scope = READ)
    @Operation(operationId = "getBoard", summary = "A board's columns in order, each with its live tasks in order")
    public RestResponse<BoardView> get(@PathParam("id") UUID id) {
        BoardView view = service.view(id);
        return Responses.ok(view, view.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = KANBAN_BOARDS, action = "write", scope = WRITE)
    @Operation(operationId = "updateBoard", summary = "Rename or redescribe a board (JSON merge patch)")
    public RestResponse<BoardSummaryView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                 JsonNode body) {
        KanbanBoard board = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(BoardSummaryView.of(board), board.version);
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "kanban_board")
    @Access(resource = KANBAN_BOARDS, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteBoard", summary = "Delete a board and its columns",
            description = "Its tasks stay, on no board.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    @POST
    @Path("{id}/columns")
    @Access(resource = KANBAN_BOARDS, action = "write", scope = WRITE)
    @Operation(operationId = "addBoardColumn", summary = "Add a column",
            description = "At position (default: the end); the columns from there shift right.")
    @APIResponse(responseCode = "201", description = "The whole board; Location names the new column",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BoardView.class)))
    public RestResponse<BoardView> addColumn(@PathParam("id") UUID id, JsonNode body, @Context UriInfo uri) {
        KanbanColumn column = service.addColumn(id, forms.create(body, ColumnForm.class));
        return Responses.created(uri, column.id, service.view(id));
    }

    @PATCH
    @Path("{id}/columns/{columnId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = KANBAN_BOARDS, action = "write", scope = WRITE)
    @Operation(operationId = "updateBoardColumn", summary = "Rename, recolour or move a column (JSON merge patch)",
            description = "If-Match takes the column's version; answers the whole board.")
    public BoardView updateColumn(@PathParam("id") UUID id, @PathParam("columnId") UUID columnId,
                                  @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        service.updateColumn(id, columnId, ifMatch, form -> forms.merge(form, body));
        return service.view(id);
    }

    @DELETE
    @Path("{id}/columns/{columnId}")
    @AuditedDelete(entity = "kanban_column", id = "columnId", parent = "board")
    @Access(resource = KANBAN_BOARDS, action = "write", scope = WRITE)
    @Operation(operationId = "deleteBoardColumn", summary = "Delete an empty column")
    @APIResponse(responseCode = "204", description = "Deleted; the columns after it close the gap")
    @APIResponse(responseCode = "409", description = "Live tasks still sit in the column")
    public void deleteColumn(@PathParam("id") UUID id, @PathParam("columnId") UUID columnId,
                             @HeaderParam("If-Match") String ifMatch) {
        service.deleteColumn(id, columnId, ifMatch);
    }

    @PUT
    @Path("{id}/tasks/{taskId}")
    @Access(resource = KANBAN_BOARDS, action = "write", scope = WRITE)
    @Operation(operationId = "placeBoardTask", summary = "Put a task into a column at a position",
            description = "From off the board, another column or within its column, in one call; answers the board.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlacementForm.class), examples = @ExampleObject(name = "placement",
            value = "{\"columnId\": \"0190b6a4-5f1e-7cc1-9a51-2b3c4d5e6f70\", \"position\": 0}")))
    @APIResponse(responseCode = "200", description = "Done; the current state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BoardView.class)))
    @APIResponse(responseCode = "409", description = "The task is on another board")
    public BoardView place(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId, JsonNode body) {
        service.place(id, taskId, forms.create(body, PlacementForm.class));
        return service.view(id);
    }

    @DELETE
    @Path("{id}/tasks/{taskId}")
    @AuditedDelete(entity = "board_task", id = "taskId", parent = "board")
    @Access(resource = KANBAN_BOARDS, action = "write", scope = WRITE)
    @Operation(operationId = "removeBoardTask", summary = "Take a task off the board",
            description = "The task stays; its column closes the gap.")
    @APIResponse(responseCode = "204", description = "Taken off")
    public void remove(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId) {
        service.remove(id, taskId);
    }
}
