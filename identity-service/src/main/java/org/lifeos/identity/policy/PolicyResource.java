package org.lifeos.identity.policy;

import static org.lifeos.identity.IdentityResources.FIRST_PARTY_ONLY;
import static org.lifeos.identity.IdentityResources.POLICIES;
import static org.lifeos.identity.IdentityResources.READ;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.tenancy.Access;

/** A circle's permission policies. The path names the circle (see CirclePathFilter). */
@Path("/api/v1/circles/{id}/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService policies;
    private final Forms forms;

    public PolicyResource(PolicyService policies, Forms forms) {
        this.policies = policies;
        this.forms = forms;
    }

    @GET
    @Operation(operationId = "getCirclePolicies", summary = "The circle's permission policies",
            description = "The circle's own overrides and the effective rule per role, resource and action.")
    @Access(resource = POLICIES, action = "read", scope = READ)
    public PoliciesView get(@PathParam("id") UUID id) {
        return policies.get(id);
    }

    @PUT
    @Operation(operationId = "replaceCirclePolicies", summary = "Replace the circle's policy overrides",
            description = "The overrides replace the circle's previous ones as a whole. Needs sudo mode; first-party "
                    + "apps only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PoliciesForm.class), examples = @ExampleObject(
            name = "editorsMayNotDelete",
            value = "{\"overrides\": [{\"role\": \"editor\", \"resource\": \"tasks\", \"action\": \"delete\", \"allowed\": false}]}")))
    @Access(resource = POLICIES, action = "manage", scope = FIRST_PARTY_ONLY)
    public PoliciesView replace(@PathParam("id") UUID id, JsonNode body) {
        return policies.replace(id, forms.create(body, PoliciesForm.class).overrides());
    }
}
