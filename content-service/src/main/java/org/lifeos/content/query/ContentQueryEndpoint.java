package org.lifeos.content.query;

import static org.lifeos.content.ContentResources.CONTENT_METRICS;
import static org.lifeos.content.ContentResources.REVENUE;
import static org.lifeos.platform.grpc.GrpcAnswers.answer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Optional;

import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import org.lifeos.content.common.DateRange;
import org.lifeos.content.common.UserZone;
import org.lifeos.content.metrics.RollupService;
import org.lifeos.content.metrics.RollupService.Sums;
import org.lifeos.content.weekly.IsoWeek;
import org.lifeos.contracts.content.v1.ContentQuery;
import org.lifeos.contracts.content.v1.CurrencyAmount;
import org.lifeos.contracts.content.v1.WeekSummaryRequest;
import org.lifeos.contracts.content.v1.WeekSummaryResponse;
import org.lifeos.platform.grpc.GrpcCallers;
import org.lifeos.platform.grpc.GrpcCallers.InCircle;

/**
 * {@code lifeos.content.v1.ContentQuery}, served on the HTTP port next to REST. Each call is
 * authenticated and put in its circle by the platform's {@link GrpcCallers} (the user's token, a
 * partner's {@code content:revenue}, identity's access check on {@code content_metrics}/read, row-level
 * security), then answered by the same rollups as the REST endpoints. Blocking work, worker thread.
 */
@GrpcService
public class ContentQueryEndpoint implements ContentQuery {

    private final GrpcCallers callers;
    private final RollupService rollups;

    public ContentQueryEndpoint(GrpcCallers callers, RollupService rollups) {
        this.callers = callers;
        this.rollups = rollups;
    }

    @Override
    @Blocking
    public Uni<WeekSummaryResponse> weekSummary(WeekSummaryRequest request) {
        return answer(() -> {
            InCircle caller = callers.inCircle(request.getCircleId(), CONTENT_METRICS, "read", REVENUE);
            IsoWeek week = request.getWeek().isBlank() ? current(new UserZone(caller.caller().jwt()))
                    : IsoWeek.parse("week", request.getWeek().strip());
            DateRange range = new DateRange(Optional.of(week.monday()), Optional.of(week.sunday()));
            Sums sums = rollups.all(range);
            BigDecimal rate = sums.engagementRate();
            WeekSummaryResponse.Builder response = WeekSummaryResponse.newBuilder().setWeek(week.key())
                    .setFrom(week.monday().toString()).setTo(week.sunday().toString())
                    .setItemsPublished((int) rollups.published(range)).setViews(sums.views())
                    .setEngagements(sums.engagements()).setEngagementRate(rate == null ? "" : rate.toPlainString());
            sums.revenue().forEach(a -> response.addRevenue(CurrencyAmount.newBuilder().setCurrency(a.currency())
                    .setAmount(a.amount())));
            return response.build();
        });
    }

    private static IsoWeek current(UserZone zone) {
        LocalDate today = LocalDate.now(zone.zone());
        return IsoWeek.parse("week", String.format("%d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR),
                today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    }
}
