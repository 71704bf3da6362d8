package org.lifeos.content.metrics;

import static org.lifeos.content.ContentResources.CONTENT_METRICS;
import static org.lifeos.content.ContentResources.REVENUE;

import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.lifeos.content.common.ContentPlatform;
import org.lifeos.content.common.DateRange;
import org.lifeos.content.common.Money;
import org.lifeos.content.metrics.MetricsDtos.TopItemView;
import org.lifeos.content.metrics.RollupService.By;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;

/** What worked best over a period: items ranked by engagement rate or by revenue. */
@Path("/api/v1/content/top")
@Produces(MediaType.APPLICATION_JSON)
public class TopResource {

    private static final int MAX = 100;

    private final RollupService rollups;

    public TopResource(RollupService rollups) {
        this.rollups = rollups;
    }

    @GET
    @Access(resource = CONTENT_METRICS, action = "read", scope = REVENUE)
    @Operation(operationId = "listTopContentItems", summary = "Top items of a period by engagement or revenue",
            description = "by=engagement ranks items with views by (likes + comments + shares + saves) ÷ views; "
                    + "by=revenue ranks by revenue in one currency (currency is then required). One page of at "
                    + "most limit items (default 10, at most 100).")
    public Page<TopItemView> top(@Parameter(description = "engagement or revenue") @QueryParam("by") String by,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("platform") String platform, @QueryParam("currency") String currency,
                                 @QueryParam("limit") Integer limit) {
        if (by == null) {
            throw ProblemException.badField("by", "is required: engagement or revenue");
        }
        By order = Params.enumValue("by", by, By.class);
        if (order == By.REVENUE && currency == null) {
            throw ProblemException.badField("currency", "is required to rank by revenue (amounts of different"
                    + " currencies are not compared)");
        }
        if (limit != null && (limit < 1 || limit > MAX)) {
            throw ProblemException.badField("limit", "must be between 1 and " + MAX);
        }
        return new Page<>(rollups.top(order, DateRange.of(from, to),
                Optional.ofNullable(platform).map(v -> Params.enumValue("platform", v, ContentPlatform.class)),
                Optional.ofNullable(currency).map(c -> Money.currency("currency", c)),
                limit == null ? 10 : limit), null);
    }
}
