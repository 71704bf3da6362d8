package org.lifeos.identity.config;

import static org.lifeos.identity.IdentityResources.FIRST_PARTY_ONLY;
import static org.lifeos.identity.IdentityResources.PROFILE;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's integration configs (seed 004 {@code user_configs}): settings per integration and
 * a write-only secret, encrypted at rest. They belong to the account (its personal circle), not to
 * the circle a request names. First-party apps only: a partner app never reads another
 * integration's settings.
 */
@Path("/api/v1/me/configs")
@Produces(MediaType.APPLICATION_JSON)
public class UserConfigResource {

    private final UserConfigService configs;
    private final TenantContext context;
    private final Forms forms;

    public UserConfigResource(UserConfigService configs, TenantContext context, Forms forms) {
        this.configs = configs;
        this.context = context;
        this.forms = forms;
    }

    @GET
    @Operation(operationId = "listMyConfigs", summary = "The caller's integration configs",
            description = "By key, `limit` (default 50, at most 200) per page. Secrets show only as `secretSet`.")
    @Access(resource = PROFILE, action = "read", scope = FIRST_PARTY_ONLY)
    public Page<UserConfigView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                     @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        List<UserConfigView> rows = configs.list(personalCircle(), context.userId(), keyset);
        return keyset.page(rows, c -> List.of(c.key()), Function.identity(), uri);
    }

    @GET
    @Path("/{key}")
    @Operation(operationId = "getMyConfig", summary = "One integration config",
            description = "Answered with its weak ETag, for If-Match. The secret shows only as `secretSet`.")
    @Access(resource = PROFILE, action = "read", scope = FIRST_PARTY_ONLY)
    public RestResponse<UserConfigView> get(@PathParam("key") String key) {
        UserConfigView config = configs.get(personalCircle(), context.userId(), key);
        return Responses.ok(config, config.version());
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMyConfig", summary = "Create or replace an integration config",
            description = "`value` replaces the settings. `secret` is write-only and stored encrypted: omitted, the "
                    + "stored secret stays; `null`, it is removed; a string replaces it. With If-Match, 412 when the "
                    + "config changed since it was read. 201 when created, 200 when replaced.")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserConfigForm.class),
            examples = @ExampleObject(name = "github", value = "{\"value\": {\"repository\": \"alice/notes\"}, "
                    + "\"secret\": \"ghp_exampleToken\"}")))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserConfigView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserConfigView.class)))
    @APIResponse(responseCode = "409", description = "The caller already has 100 configs")
    @Access(resource = PROFILE, action = "write", scope = FIRST_PARTY_ONLY)
    public RestResponse<UserConfigView> put(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch,
                                            JsonNode body, @Context UriInfo uri) {
        if (body == null || !body.isObject()) {
            throw new ProblemException(ProblemType.VALIDATION, "The body is a JSON object with `value` and "
                    + "optionally `secret`");
        }
        UserConfigForm form = forms.create(body, UserConfigForm.class);
        UserConfigService.Saved saved = configs.put(personalCircle(), context.userId(), key, ifMatch, form,
                body.has("secret"));
        return saved.created() ? Responses.createdHere(uri, saved.view(), saved.view().version())
                : Responses.ok(saved.view(), saved.view().version());
    }

    @DELETE
    @Path("/{key}")
    @Operation(operationId = "deleteMyConfig", summary = "Delete an integration config and its secret")
    @Access(resource = PROFILE, action = "write", scope = FIRST_PARTY_ONLY)
    public void delete(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch) {
        configs.delete(personalCircle(), context.userId(), key, ifMatch);
    }

    private UUID personalCircle() {
        return context.personalCircleId().orElseThrow(() -> new ProblemException(ProblemType.INTERNAL,
                "The caller's personal circle is unknown"));
    }
}
