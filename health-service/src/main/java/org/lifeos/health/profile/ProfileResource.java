package org.lifeos.health.profile;

import static org.lifeos.health.HealthResources.HEALTH_PROFILES;
import static org.lifeos.health.HealthResources.READ;
import static org.lifeos.health.HealthResources.WRITE;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import org.lifeos.health.profile.ProfileDtos.ProfileForm;
import org.lifeos.health.profile.ProfileDtos.ProfileView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/**
 * The caller's health profile (seed 003): allergies and conditions, encrypted at rest with the
 * member's private key; one per member in a circle, no one else's ever visible.
 */
@Path("/api/v1/health/profile")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProfileResource {

    private final ProfileService service;
    private final Forms forms;

    public ProfileResource(ProfileService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = HEALTH_PROFILES, action = "read", scope = READ)
    @Operation(operationId = "getHealthProfile", summary = "The caller's health profile", description = "404 until one is PUT.")
    public RestResponse<ProfileView> get() {
        ProfileView profile = service.get();
        return Responses.ok(profile, profile.version());
    }

    @PUT
    @Access(resource = HEALTH_PROFILES, action = "write", scope = WRITE)
    @Operation(operationId = "putHealthProfile", summary = "Create or replace the caller's health profile",
            description = "201 when created, 200 when replaced; an omitted field is cleared. With If-Match, 412 when "
                    + "it changed since it was read.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProfileForm.class), examples = @ExampleObject(name = "profile",
            value = "{\"allergies\": \"penicillin\", \"conditions\": \"asthma\"}")))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProfileView.class)))
    public RestResponse<ProfileView> put(@HeaderParam("If-Match") String ifMatch, JsonNode body, @Context UriInfo uri) {
        ProfileService.Saved saved = service.put(ifMatch, forms.create(body, ProfileForm.class));
        return saved.created() ? Responses.createdHere(uri, saved.view(), saved.view().version())
                : Responses.ok(saved.view(), saved.view().version());
    }

    @DELETE
    @Access(resource = HEALTH_PROFILES, action = "write", scope = WRITE)
    @Operation(operationId = "deleteHealthProfile", summary = "Delete the caller's health profile")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@HeaderParam("If-Match") String ifMatch) {
        service.delete(ifMatch);
    }
}
