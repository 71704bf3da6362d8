package org.lifeos.finance.snapshot;

import static org.lifeos.finance.FinanceResources.READ;
import static org.lifeos.finance.FinanceResources.SNAPSHOTS;

import java.time.YearMonth;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifeos.finance.money.Months;
import org.lifeos.finance.snapshot.SnapshotService.Snapshot;
import org.lifeos.platform.tenancy.Access;

/** Net worth and MRR per month and currency, computed (see {@link SnapshotService} for the formulas). */
@Path("/api/v1/finance/snapshots")
@Produces(MediaType.APPLICATION_JSON)
public class SnapshotResource {

    private final SnapshotService service;

    public SnapshotResource(SnapshotService service) {
        this.service = service;
    }

    @GET
    @Access(resource = SNAPSHOTS, action = "read", scope = READ)
    @Operation(operationId = "listFinancialSnapshots", summary = "Net worth and MRR per month and currency",
            description = "from and to are months (yyyy-MM), at most 60. Net worth = Σ balances at the month's end "
                    + "(assets: bank, wallet, investment, crypto; minus liabilities: what credit accounts owe); "
                    + "MRR = Σ subscription income of the month. Per currency, never converted.")
    public List<Snapshot> list(@QueryParam("from") String from, @QueryParam("to") String to) {
        return service.between(month("from", from), month("to", to));
    }

    private static YearMonth month(String field, String value) {
        return Months.parse(field, value);
    }
}
