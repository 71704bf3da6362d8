package org.lifeos.finance.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import org.lifeos.contracts.planning.v1.BillableMinutesRequest;
import org.lifeos.contracts.planning.v1.BillableMinutesResponse;
import org.lifeos.contracts.planning.v1.DomainMinutes;
import org.lifeos.contracts.planning.v1.PlanningQuery;
import org.lifeos.contracts.planning.v1.SearchRequest;
import org.lifeos.contracts.planning.v1.SearchResponse;
import org.lifeos.contracts.planning.v1.TodaySummaryRequest;
import org.lifeos.contracts.planning.v1.TodaySummaryResponse;
import org.lifeos.platform.grpc.GrpcCallers;
import org.lifeos.platform.grpc.GrpcCallers.InCircle;

/**
 * planning-service's PlanningQuery for these tests, served in-process: it checks the caller's bearer
 * token and circle with the platform's GrpcCallers as planning does (so finance must forward the
 * user's own token), and answers BillableMinutes with what a test set for that circle.
 */
@GrpcService
public class FakePlanningQuery implements PlanningQuery {

    private static final Map<UUID, List<DomainMinutes>> MINUTES = new ConcurrentHashMap<>();
    private static final Map<UUID, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final Map<UUID, Status> FAILURES = new ConcurrentHashMap<>();

    private final GrpcCallers callers;

    public FakePlanningQuery(GrpcCallers callers) {
        this.callers = callers;
    }

    public static void minutes(UUID circle, List<DomainMinutes> domains) {
        MINUTES.put(circle, domains);
    }

    public static void fail(UUID circle, Status status) {
        FAILURES.put(circle, status);
    }

    /** How many BillableMinutes calls were answered for {@code circle}. */
    public static int calls(UUID circle) {
        return CALLS.getOrDefault(circle, new AtomicInteger()).get();
    }

    public static DomainMinutes domain(UUID id, String name, long minutes, int tasks) {
        return DomainMinutes.newBuilder().setDomainId(id.toString()).setDomainName(name).setMinutes(minutes)
                .setTasks(tasks).build();
    }

    @Override
    @Blocking
    public Uni<BillableMinutesResponse> billableMinutes(BillableMinutesRequest request) {
        return Uni.createFrom().item(() -> {
            InCircle caller = callers.inCircle(request.getCircleId(), "tasks", "read", "planning:read");
            Status failure = FAILURES.get(caller.circleId());
            if (failure != null) {
                throw failure.asRuntimeException();
            }
            CALLS.computeIfAbsent(caller.circleId(), c -> new AtomicInteger()).incrementAndGet();
            List<DomainMinutes> domains = MINUTES.getOrDefault(caller.circleId(), List.of());
            return BillableMinutesResponse.newBuilder().addAllDomains(domains)
                    .setTotalMinutes(domains.stream().mapToLong(DomainMinutes::getMinutes).sum()).build();
        });
    }

    @Override
    public Uni<org.lifeos.contracts.planning.v1.TaskMinutesResponse> taskMinutes(
            org.lifeos.contracts.planning.v1.TaskMinutesRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }

    @Override
    public Uni<TodaySummaryResponse> todaySummary(TodaySummaryRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }

    @Override
    public Uni<SearchResponse> search(SearchRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }
}
