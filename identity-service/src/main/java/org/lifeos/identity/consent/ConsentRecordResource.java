package org.lifeos.identity.consent;

import static org.lifeos.identity.IdentityResources.FIRST_PARTY_ONLY;
import static org.lifeos.identity.IdentityResources.PROFILE;

import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.platform.api.ClientAddresses;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's consent records (GDPR): what they agreed to or withdrew, and when. Append-only: a
 * new decision is a new record; nothing is ever changed or removed. The OAuth grants as Keycloak
 * keeps them now stay at {@code /api/v1/me/consents}.
 */
@Path("/api/v1/me/consent-records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentRecordResource {

    private final ConsentRecords records;
    private final TenantContext context;
    private final Forms forms;
    private final ClientAddresses addresses;

    public ConsentRecordResource(ConsentRecords records, TenantContext context, Forms forms, ClientAddresses addresses) {
        this.records = records;
        this.context = context;
        this.forms = forms;
        this.addresses = addresses;
    }

    @GET
    @Operation(operationId = "listMyConsentRecords", summary = "What the caller agreed to or withdrew, and when",
            description = "Terms and privacy-policy versions and each partner app's scopes as granted or revoked, "
                    + "oldest first, `limit` (default 50, at most 200) per page. First-party apps only.")
    @Access(resource = PROFILE, action = "read", scope = FIRST_PARTY_ONLY)
    public Page<ConsentRecordView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                        @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(records.page(context.userId(), keyset), r -> List.of(r.id()), Function.identity(), uri);
    }

    @POST
    @Operation(operationId = "recordMyConsent", summary = "Record that the caller agreed to or withdrew from a document",
            description = "A version of the terms or of the privacy policy, `granted` or `withdrawn`; a new record "
                    + "each time. First-party apps only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ConsentRecordForm.class), examples = @ExampleObject(
            name = "terms", value = "{\"document\": \"terms\", \"version\": \"2026-01\", \"decision\": \"granted\"}")))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConsentRecordView.class)))
    @Access(resource = PROFILE, action = "write", scope = FIRST_PARTY_ONLY)
    public RestResponse<ConsentRecordView> record(JsonNode body, @Context UriInfo uri, @Context HttpServerRequest request) {
        ConsentRecordForm form = forms.create(body, ConsentRecordForm.class);
        ConsentRecordView record = records.record(context.userId(), form.document, form.version, form.decision,
                List.of(), "api", addresses.of(request), null);
        return Responses.created(uri, record.id(), record);
    }
}
