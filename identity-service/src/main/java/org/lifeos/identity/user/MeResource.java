package org.lifeos.identity.user;

import static org.lifeos.identity.IdentityResources.FIRST_PARTY_ONLY;
import static org.lifeos.identity.IdentityResources.PROFILE;
import static org.lifeos.identity.IdentityResources.READ;
import static org.lifeos.identity.IdentityResources.WRITE;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.identity.privacy.AccountDeletion;
import org.lifeos.identity.privacy.KeycloakErasure;
import org.lifeos.identity.privacy.PrivacyRequests;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's profile. The access check before it provisions a first-time caller, so the user
 * always exists here. Acts for the caller, not in a circle (see CirclePathFilter).
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final UserService users;
    private final TenantContext context;
    private final Forms forms;
    private final AccountDeletion deletion;
    private final KeycloakErasure keycloakErasure;

    public MeResource(UserService users, TenantContext context, Forms forms, AccountDeletion deletion,
                      KeycloakErasure keycloakErasure) {
        this.users = users;
        this.context = context;
        this.forms = forms;
        this.deletion = deletion;
        this.keycloakErasure = keycloakErasure;
    }

    @GET
    @Operation(operationId = "getMyProfile", summary = "The caller's profile",
            description = "Answered with the profile's weak ETag, for If-Match on PATCH.")
    @Access(resource = PROFILE, action = "read", scope = READ)
    public RestResponse<ProfileView> me() {
        ProfileView profile = users.profile(context.userId());
        return Responses.ok(profile, profile.version());
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateMyProfile", summary = "Change the caller's profile",
            description = "A JSON merge patch; with If-Match, 412 when the profile changed since it was read. "
                    + "Answered with the new weak ETag.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ProfileForm.class),
            examples = @ExampleObject(name = "rename", value = "{\"displayName\": \"Alice\", \"timezone\": \"Europe/Berlin\"}")))
    @Access(resource = PROFILE, action = "write", scope = WRITE)
    public RestResponse<ProfileView> update(@HeaderParam("If-Match") String ifMatch, JsonNode body) {
        ProfileView profile = users.update(context.userId(), ifMatch, form -> forms.merge(form, body));
        return Responses.ok(profile, profile.version());
    }

    /** See {@link AccountDeletion}. */
    @DELETE
    @Operation(operationId = "deleteMyAccount", summary = "Delete the caller's account",
            description = "Needs sudo mode; first-party apps only. Answers 202 with the privacy request, whose steps "
                    + "show Keycloak's and each service's part as they finish. The caller's tokens stop working at "
                    + "once; Keycloak's account goes right after (or, if Keycloak is down, on retry). The personal circle "
                    + "and every shared circle the caller is the only member of are dissolved; other circles are "
                    + "left, and the caller's own data in them is erased.")
    @APIResponse(responseCode = "202", description = "Deletion started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PrivacyRequests.PrivacyRequestView.class)))
    @APIResponse(responseCode = "409",
            description = "The caller owns a shared circle with other members: hand it over or dissolve it first")
    @Access(resource = PROFILE, action = "write", scope = FIRST_PARTY_ONLY)
    public Response delete() {
        UUID user = context.userId();
        UUID request = deletion.delete(user);
        keycloakErasure.attempt(request, user);
        PrivacyRequests.PrivacyRequestView started = deletion.requestsOf(user).stream()
                .filter(r -> r.id().equals(request)).findFirst().orElseThrow();
        return Response.accepted(started).build();
    }
}
