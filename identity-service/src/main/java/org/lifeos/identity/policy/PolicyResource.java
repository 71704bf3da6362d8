package org.lifeos.identity.policy;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.lifeos.platform.tenancy.Access;

/** A circle's permission policies. The path names the circle (see CirclePathFilter). */
@Path("/api/v1/circles/{id}/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService policies;

    public PolicyResource(PolicyService policies) {
        this.policies = policies;
    }

    @GET
    @Access(resource = PolicyService.RESOURCE, action = "read", scope = "identity:read")
    public PoliciesDto get(@PathParam("id") UUID id) {
        return policies.get(id);
    }

    @PUT
    @Access(resource = PolicyService.RESOURCE, action = "manage", scope = "identity:write")
    public PoliciesDto replace(@PathParam("id") UUID id, @NotNull @Valid PolicyOverrides request) {
        return policies.replace(id, request.overrides());
    }
}
