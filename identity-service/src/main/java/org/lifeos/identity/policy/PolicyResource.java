package org.lifeos.identity.policy;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import org.lifeos.identity.user.FirstParty;
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
    @Access(resource = PolicyService.RESOURCE, action = "read", scope = "identity:read")
    public PoliciesDto get(@PathParam("id") UUID id) {
        return policies.get(id);
    }

    /** First-party only (see FirstParty); needs sudo mode. */
    @PUT
    @Access(resource = PolicyService.RESOURCE, action = "manage", scope = FirstParty.ONLY)
    public PoliciesDto replace(@PathParam("id") UUID id, JsonNode body) {
        return policies.replace(id, forms.create(body, PolicyOverrides.class).overrides());
    }
}
