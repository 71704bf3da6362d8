package org.lifeos.identity.audit;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;

/** A circle's audit log, newest first, and the check of its hash chain. Owners and admins only. */
@Path("/api/v1/circles/{id}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Access(resource = AuditService.RESOURCE, action = "read", scope = "identity:read")
    public Page<AuditLog.Row> list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                   @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        long before = Long.MAX_VALUE;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Long.parseLong(Cursors.decode(cursor, 1).get(0));
            } catch (NumberFormatException e) {
                throw ProblemException.badField("cursor", "is not a cursor this list produced");
            }
        }
        List<AuditLog.Row> fetched = audit.page(id, before, size + 1);
        if (fetched.size() <= size) {
            return new Page<>(fetched, null);
        }
        List<AuditLog.Row> items = List.copyOf(fetched.subList(0, size));
        String next = Cursors.encode(List.of(Long.toString(items.get(size - 1).seq())));
        return new Page<>(items, Page.next(uri, next));
    }

    @GET
    @Path("/verify")
    @Access(resource = AuditService.RESOURCE, action = "read", scope = "identity:read")
    public AuditLog.Verification verify(@PathParam("id") UUID id) {
        return audit.verify(id);
    }
}
