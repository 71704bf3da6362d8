package org.lifeos.content.returns;

import static org.lifeos.content.ContentResources.CONTENT_METRICS;
import static org.lifeos.content.ContentResources.REVENUE;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.lifeos.content.common.DateRange;
import org.lifeos.content.returns.ReturnsDtos.ReturnsView;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;

/** Time spent vs return: minutes from planning next to revenue and engagement. */
@Path("/api/v1/content/returns")
@Produces(MediaType.APPLICATION_JSON)
public class ReturnsResource {

    private final ReturnsService service;

    public ReturnsResource(ReturnsService service) {
        this.service = service;
    }

    @GET
    @Access(resource = CONTENT_METRICS, action = "read", scope = REVENUE)
    @Operation(operationId = "getContentReturns", summary = "Time spent vs return of the items published in a period",
            description = "Per item and per platform: minutes spent on the linked planning tasks (completed time "
                    + "blocks plus recorded minutes, from planning-service), lifetime views, engagement and revenue "
                    + "per currency, and revenue per hour (null when no minutes). from and to (published date, "
                    + "inclusive) are required.")
    @APIResponse(responseCode = "200", description = "Minutes, revenue, engagement and revenue per hour per item and platform")
    @APIResponse(responseCode = "503", description = "planning-service did not answer: no minutes are made up")
    public ReturnsView returns(@QueryParam("from") String from, @QueryParam("to") String to) {
        DateRange range = DateRange.of(from, to);
        if (range.from().isEmpty()) {
            throw ProblemException.badField("from", "is required");
        }
        if (range.to().isEmpty()) {
            throw ProblemException.badField("to", "is required");
        }
        return service.returns(range);
    }
}
