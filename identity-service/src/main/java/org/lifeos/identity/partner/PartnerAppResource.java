package org.lifeos.identity.partner;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.lifeos.identity.api.Pages;
import org.lifeos.identity.user.FirstParty;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.api.SecretResponse;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's partner apps. Registering and rotating the secret need sudo mode, and their answers
 * carry the client secret for the only time ({@link SecretResponse}: {@code Cache-Control: no-store},
 * and never replayed for an {@code Idempotency-Key}).
 */
@Path("/api/v1/partner-apps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerAppResource {

    private final PartnerAppService apps;
    private final TenantContext context;
    private final Forms forms;

    public PartnerAppResource(PartnerAppService apps, TenantContext context, Forms forms) {
        this.apps = apps;
        this.context = context;
        this.forms = forms;
    }

    @POST
    @SecretResponse
    @Access(resource = PartnerAppService.RESOURCE, action = "manage", scope = FirstParty.ONLY)
    public Response register(JsonNode body) {
        PartnerAppDto app = apps.register(context.userId(), forms.create(body, PartnerAppForm.class));
        return Response.created(URI.create("/api/v1/partner-apps/" + app.id())).entity(app).build();
    }

    @GET
    @Access(resource = PartnerAppService.RESOURCE, action = "read", scope = FirstParty.ONLY)
    public Page<PartnerAppDto> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                    @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        return Pages.of(apps.page(context.userId(), Pages.after(cursor), size + 1), size, PartnerAppDto::id, uri);
    }

    @GET
    @Path("/{id}")
    @Access(resource = PartnerAppService.RESOURCE, action = "read", scope = FirstParty.ONLY)
    public PartnerAppDto get(@PathParam("id") String id) {
        return apps.get(context.userId(), Params.uuid("id", id));
    }

    @POST
    @Path("/{id}/secret")
    @SecretResponse
    @Access(resource = PartnerAppService.RESOURCE, action = "manage", scope = FirstParty.ONLY)
    public PartnerAppDto rotateSecret(@PathParam("id") String id) {
        return apps.rotateSecret(context.userId(), Params.uuid("id", id));
    }

    @DELETE
    @Path("/{id}")
    @Access(resource = PartnerAppService.RESOURCE, action = "delete", scope = FirstParty.ONLY)
    public Response delete(@PathParam("id") String id) {
        apps.delete(context.userId(), Params.uuid("id", id));
        return Response.noContent().build();
    }
}
