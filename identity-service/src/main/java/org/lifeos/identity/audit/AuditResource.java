package org.lifeos.identity.audit;

import static org.lifeos.identity.IdentityResources.AUDIT;
import static org.lifeos.identity.IdentityResources.READ;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
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
    @Operation(operationId = "listCircleAudit", summary = "The circle's audit log",
            description = "Newest first, `limit` (default 50, at most 200) per page; owners and admins only. "
                    + "Entries of a deleted account keep their place in the chain with personal data removed.")
    @Access(resource = AUDIT, action = "read", scope = READ)
    public Page<AuditLog.AuditEntryView> list(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
                                   @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(audit.page(id, keyset), row -> List.of(row.seq()), Function.identity(), uri);
    }

    @GET
    @Path("/verify")
    @Operation(operationId = "verifyCircleAudit", summary = "Check the circle's audit hash chain",
            description = "Recomputes the chain; `ok` is false with the first broken entry when a row was changed, "
                    + "removed or reordered. Owners and admins only.")
    @Access(resource = AUDIT, action = "read", scope = READ)
    public AuditLog.AuditVerificationView verify(@PathParam("id") UUID id) {
        return audit.verify(id);
    }
}
