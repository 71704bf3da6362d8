package org.lifeos.finance.query;

import static org.lifeos.finance.FinanceResources.READ;
import static org.lifeos.finance.FinanceResources.SNAPSHOTS;
import static org.lifeos.platform.grpc.GrpcAnswers.answer;

import java.time.YearMonth;
import java.time.ZoneOffset;

import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import org.lifeos.contracts.finance.v1.CurrencyNetWorth;
import org.lifeos.contracts.finance.v1.CurrencySummary;
import org.lifeos.contracts.finance.v1.FinanceQuery;
import org.lifeos.contracts.finance.v1.MonthSummaryRequest;
import org.lifeos.contracts.finance.v1.MonthSummaryResponse;
import org.lifeos.contracts.finance.v1.NetWorthRequest;
import org.lifeos.contracts.finance.v1.NetWorthResponse;
import org.lifeos.finance.money.Months;
import org.lifeos.finance.snapshot.MonthSummaries;
import org.lifeos.finance.snapshot.SnapshotService;
import org.lifeos.platform.grpc.GrpcCallers;

/**
 * {@code lifeos.finance.v1.FinanceQuery}, served on the HTTP port next to REST. Each call is
 * authenticated and put in its circle by the platform's {@link GrpcCallers} (the user's token, its
 * scopes, identity's access check for reading {@code financial_snapshots}, row-level security), then
 * answered by the services behind the REST snapshots. Blocking (database): a worker thread.
 */
@GrpcService
public class FinanceQueryEndpoint implements FinanceQuery {

    private final GrpcCallers callers;
    private final MonthSummaries summaries;
    private final SnapshotService snapshots;

    public FinanceQueryEndpoint(GrpcCallers callers, MonthSummaries summaries, SnapshotService snapshots) {
        this.callers = callers;
        this.summaries = summaries;
        this.snapshots = snapshots;
    }

    @Override
    @Blocking
    public Uni<MonthSummaryResponse> monthSummary(MonthSummaryRequest request) {
        return answer(() -> {
            callers.inCircle(request.getCircleId(), SNAPSHOTS, "read", READ);
            YearMonth month = month(request.getMonth());
            MonthSummaryResponse.Builder response = MonthSummaryResponse.newBuilder().setMonth(month.toString());
            summaries.of(month).forEach(s -> response.addCurrencies(CurrencySummary.newBuilder()
                    .setCurrency(s.currency()).setIncome(s.income()).setSpending(s.spending()).setNet(s.net())));
            return response.build();
        });
    }

    @Override
    @Blocking
    public Uni<NetWorthResponse> netWorth(NetWorthRequest request) {
        return answer(() -> {
            callers.inCircle(request.getCircleId(), SNAPSHOTS, "read", READ);
            YearMonth month = month(request.getMonth());
            NetWorthResponse.Builder response = NetWorthResponse.newBuilder().setMonth(month.toString());
            snapshots.between(month, month).forEach(s -> response.addCurrencies(CurrencyNetWorth.newBuilder()
                    .setCurrency(s.currency()).setAssets(s.assets()).setLiabilities(s.liabilities())
                    .setNetWorth(s.netWorth())));
            return response.build();
        });
    }

    private static YearMonth month(String text) {
        return text == null || text.isBlank() ? YearMonth.now(ZoneOffset.UTC) : Months.parse("month", text);
    }
}
