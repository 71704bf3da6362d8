package org.lifeos.planning.lifelog;

import static org.lifeos.planning.PlanningResources.LIFELOGS;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.planning.audit.AuditedDelete;
import org.lifeos.planning.lifelog.LifelogDtos.LifelogForm;
import org.lifeos.planning.lifelog.LifelogDtos.LifelogView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;

/** The circle's life log, newest first; {@code from}/{@code to} are RFC 3339 instants. */
@Path("/api/v1/lifelogs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LifelogResource {

    private final LifelogService service;
    private final Forms forms;

    public LifelogResource(LifelogService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = LIFELOGS, action = "read", scope = READ)
    @Operation(operationId = "listLifelogs", summary = "The circle's life log, latest occurrence first",
            description = "`from` (inclusive) and `to` (exclusive) bound `occurredAt`; keyset-paged (`limit` "
                    + "1-200, default 50; follow `next`).")
    public Page<LifelogView> list(@Parameter(example = "2026-03-01T00:00:00+01:00") @QueryParam("from") String from,
                                  @Parameter(example = "2026-04-01T00:00:00+02:00") @QueryParam("to") String to,
                                  @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                  @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.list(instant("from", from), instant("to", to), keyset), LifelogService::sortKey,
                LifelogView::of, uri);
    }

    @POST
    @Access(resource = LIFELOGS, action = "write", scope = WRITE)
    @Operation(operationId = "createLifelog", summary = "Log what happened",
            description = "`occurredAt` defaults to now and may not lie in the future; the caller is the author.")
    @RequestBody(content = @Content(schema = @Schema(implementation = LifelogForm.class), examples = @ExampleObject(
            name = "entry", value = "{\"content\": \"Ran 10 km by the river\", "
                    + "\"occurredAt\": \"2026-03-10T07:30:00+01:00\"}")))
    @APIResponse(responseCode = "201", description = "Logged; Location and ETag name it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LifelogView.class)))
    public RestResponse<LifelogView> create(JsonNode body, @Context UriInfo uri) {
        Lifelog entry = service.create(forms.create(body, LifelogForm.class));
        return Responses.created(uri, entry.id, LifelogView.of(entry), entry.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = LIFELOGS, action = "read", scope = READ)
    @Operation(operationId = "getLifelog", summary = "One life log entry")
    public RestResponse<LifelogView> get(@PathParam("id") UUID id) {
        Lifelog entry = service.get(id);
        return Responses.ok(LifelogView.of(entry), entry.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = LIFELOGS, action = "write", scope = WRITE)
    @Operation(operationId = "updateLifelog", summary = "Change an entry's text or time (merge patch)",
            description = "Send `If-Match` with the ETag read to refuse overwriting a newer change (412).")
    @RequestBody(content = @Content(schema = @Schema(implementation = LifelogForm.class)))
    public RestResponse<LifelogView> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                            JsonNode body) {
        Lifelog entry = service.update(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(LifelogView.of(entry), entry.version);
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "lifelog")
    @Access(resource = LIFELOGS, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteLifelog", summary = "Delete a life log entry")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
    }

    private static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.trim()).toInstant());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(name, "must be a time like 2026-03-10T09:00:00+01:00");
        }
    }
}
