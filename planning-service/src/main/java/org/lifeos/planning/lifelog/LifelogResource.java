package org.lifeos.planning.lifelog;

import static org.lifeos.planning.PlanningResources.LIFELOGS;
import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.WRITE;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

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
import org.lifeos.planning.lifelog.LifelogDtos.LifelogForm;
import org.lifeos.planning.lifelog.LifelogDtos.LifelogView;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
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
    public Page<LifelogView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                  @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        List<Lifelog> page = service.list(instant("from", from), instant("to", to), cursor, size);
        return Page.of(page, size, LifelogService::cursorAfter, LifelogView::of, uri);
    }

    @POST
    @Access(resource = LIFELOGS, action = "write", scope = WRITE)
    public Response create(JsonNode body) {
        Lifelog entry = service.create(forms.create(body, LifelogForm.class));
        return Response.created(URI.create("/api/v1/lifelogs/" + entry.id)).tag(ETags.tag(entry.version))
                .entity(LifelogView.of(entry)).build();
    }

    @GET
    @Path("{id}")
    @Access(resource = LIFELOGS, action = "read", scope = READ)
    public Response get(@PathParam("id") String id) {
        Lifelog entry = service.get(Params.uuid("id", id));
        return Response.ok(LifelogView.of(entry)).tag(ETags.tag(entry.version)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = LIFELOGS, action = "write", scope = WRITE)
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        Lifelog entry = service.update(Params.uuid("id", id), ifMatch, form -> forms.merge(form, body));
        return Response.ok(LifelogView.of(entry)).tag(ETags.tag(entry.version)).build();
    }

    @DELETE
    @Path("{id}")
    @AuditedDelete(entity = "lifelog")
    @Access(resource = LIFELOGS, action = "delete", scope = WRITE)
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.uuid("id", id), ifMatch);
        return Response.noContent().build();
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
