package org.lifeos.planning.search;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.lifeos.planning.search.SearchService.Hit;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;

/** {@code GET /api/v1/search?q=}: the circle's tasks and goals that match, best first. */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    public record Results(String q, List<Hit> items) {
    }

    private final SearchService service;

    public SearchResource(SearchService service) {
        this.service = service;
    }

    @GET
    @Access(resource = "tasks", action = "read", scope = "planning:read")
    public Results search(@QueryParam("q") String q, @QueryParam("limit") Integer limit) {
        if (limit != null && (limit < 1 || limit > 50)) {
            throw ProblemException.badField("limit", "must be between 1 and 50");
        }
        return new Results(q, service.search(q, limit == null ? 20 : limit));
    }
}
