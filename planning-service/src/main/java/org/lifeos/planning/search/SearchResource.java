package org.lifeos.planning.search;

import static org.lifeos.planning.PlanningResources.READ;
import static org.lifeos.planning.PlanningResources.SEARCH;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifeos.planning.search.SearchService.Hit;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;
import org.lifeos.platform.tenancy.TokenGrants;

/**
 * {@code GET /api/v1/search?q=}: the circle's tasks, goals and notes that match, best first, each
 * kind only if the caller may read it in the circle ({@link SearchableKinds}). The endpoint's own
 * rule ({@code search}, which falls under a circle's {@code *} rules) only admits members; none of
 * the kinds readable is a 403.
 */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    public record SearchResultsView(String q, List<Hit> items) {
    }

    private final SearchService service;
    private final SearchableKinds kinds;
    private final TokenGrants grants;
    private final JsonWebToken token;
    private final TenantContext context;

    public SearchResource(SearchService service, SearchableKinds kinds, TokenGrants grants, JsonWebToken token,
                          TenantContext context) {
        this.service = service;
        this.kinds = kinds;
        this.grants = grants;
        this.token = token;
        this.context = context;
    }

    @GET
    @Access(resource = SEARCH, action = "read", scope = READ)
    @Operation(operationId = "searchPlanning", summary = "Full-text search over the circle's tasks, goals and notes",
            description = "`q` (1-200 characters) is web-search syntax: words, \"phrases\", `or`, `-word`; English "
                    + "stemming (\"runs\" finds \"running\"). Best match first, ties by kind and id; at most "
                    + "`limit` (1-50, default 20) hits; `snippet` marks matches with `<b>`. Each kind is searched "
                    + "only if the caller may read it in the circle, as for its own endpoints (a circle that "
                    + "denies visitors goals shows them tasks and notes only); a member who may read none of "
                    + "them gets a 403.")
    public SearchResultsView search(@QueryParam("q") String q, @QueryParam("limit") Integer limit) {
        if (limit != null && (limit < 1 || limit > 50)) {
            throw ProblemException.badField("limit", "must be between 1 and 50");
        }
        // The AccessFilter admitted this token, so it has a grant.
        TokenGrants.Grant grant = grants.of(token).orElseThrow();
        Set<String> readable = kinds.readable(grant, token.getRawToken(), context.circleId());
        if (readable.isEmpty()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "You may read none of tasks, goals and notes here");
        }
        return new SearchResultsView(q, service.search(q, limit == null ? 20 : limit, readable));
    }
}
