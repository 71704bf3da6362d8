package org.lifeos.finance.category;

import static org.lifeos.finance.FinanceResources.CATEGORIES;
import static org.lifeos.finance.FinanceResources.READ;
import static org.lifeos.finance.FinanceResources.WRITE;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.finance.category.CategoryDtos.CategoryForm;
import org.lifeos.finance.category.CategoryDtos.CategoryView;
import org.lifeos.finance.category.CategoryDtos.RuleForm;
import org.lifeos.finance.category.CategoryDtos.RuleView;
import org.lifeos.platform.api.Forms;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Responses;
import org.lifeos.platform.tenancy.Access;

/**
 * Categories (the system's, seeded per circle on first use, and the circle's own) and the payee
 * rules that categorise transactions written without a category.
 */
@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CategoryResource {

    private final CategoryService service;
    private final Forms forms;

    public CategoryResource(CategoryService service, Forms forms) {
        this.service = service;
        this.forms = forms;
    }

    @GET
    @Access(resource = CATEGORIES, action = "read", scope = READ)
    @Operation(operationId = "listCategories", summary = "List categories, by name",
            description = "The circle's system categories are seeded on its first use.")
    public Page<CategoryView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                   @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 1);
        return keyset.page(service.list(keyset), CategoryService::sortKey, CategoryView::of, uri);
    }

    @POST
    @Access(resource = CATEGORIES, action = "write", scope = WRITE)
    @Operation(operationId = "createCategory", summary = "Create a category of the circle's own")
    @APIResponse(responseCode = "201", description = "The category",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "409", description = "The circle already has a category of that name")
    public RestResponse<CategoryView> create(JsonNode body, @Context UriInfo uri) {
        Category category = service.create(forms.create(body, CategoryForm.class));
        return Responses.created(uri, category.id, CategoryView.of(category), category.version);
    }

    @GET
    @Path("{id}")
    @Access(resource = CATEGORIES, action = "read", scope = READ)
    @Operation(operationId = "getCategory", summary = "Get a category")
    public RestResponse<CategoryView> get(@PathParam("id") UUID id) {
        Category category = service.get(id);
        return Responses.ok(CategoryView.of(category), category.version);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = CATEGORIES, action = "write", scope = WRITE)
    @Operation(operationId = "renameCategory", summary = "Rename a category of the circle's own")
    @APIResponse(responseCode = "200", description = "Renamed; the new weak ETag with it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "409", description = "A system category, or the name is taken")
    public RestResponse<CategoryView> rename(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                             JsonNode body) {
        Category category = service.rename(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(CategoryView.of(category), category.version);
    }

    @DELETE
    @Path("{id}")
    @Access(resource = CATEGORIES, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteCategory", summary = "Remove an unused category of the circle's own")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "A system category, or one still in use")
    public void delete(@PathParam("id") UUID id) {
        service.delete(id);
    }

    @GET
    @Path("rules")
    @Access(resource = CATEGORIES, action = "read", scope = READ)
    @Operation(operationId = "listCategoryRules", summary = "List payee rules, in the order they apply")
    public Page<RuleView> rules(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                @Context UriInfo uri) {
        Keyset keyset = Keyset.of(cursor, limit, 2);
        return keyset.page(service.rules(keyset), CategoryService::sortKey, RuleView::of, uri);
    }

    @POST
    @Path("rules")
    @Access(resource = CATEGORIES, action = "write", scope = WRITE)
    @Operation(operationId = "createCategoryRule", summary = "Create a payee rule",
            description = "A transaction written without a category whose payee contains payeePattern "
                    + "(case-insensitive) gets categoryId; the lowest priority matching rule wins.")
    @APIResponse(responseCode = "201", description = "The rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleView.class)))
    public RestResponse<RuleView> createRule(JsonNode body, @Context UriInfo uri) {
        CategoryRule rule = service.createRule(forms.create(body, RuleForm.class));
        return Responses.created(uri, rule.id, RuleView.of(rule), rule.version);
    }

    @GET
    @Path("rules/{id}")
    @Access(resource = CATEGORIES, action = "read", scope = READ)
    @Operation(operationId = "getCategoryRule", summary = "Get a payee rule")
    public RestResponse<RuleView> rule(@PathParam("id") UUID id) {
        CategoryRule rule = service.rule(id);
        return Responses.ok(RuleView.of(rule), rule.version);
    }

    @PATCH
    @Path("rules/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Access(resource = CATEGORIES, action = "write", scope = WRITE)
    @Operation(operationId = "updateCategoryRule", summary = "Change a payee rule (JSON merge patch)")
    public RestResponse<RuleView> updateRule(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                             JsonNode body) {
        CategoryRule rule = service.updateRule(id, ifMatch, form -> forms.merge(form, body));
        return Responses.ok(RuleView.of(rule), rule.version);
    }

    @DELETE
    @Path("rules/{id}")
    @Access(resource = CATEGORIES, action = "delete", scope = WRITE)
    @Operation(operationId = "deleteCategoryRule", summary = "Remove a payee rule")
    @APIResponse(responseCode = "204", description = "Removed")
    public void deleteRule(@PathParam("id") UUID id) {
        service.deleteRule(id);
    }
}
