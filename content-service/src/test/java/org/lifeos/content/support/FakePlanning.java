package org.lifeos.content.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import org.lifeos.contracts.planning.v1.BillableMinutesRequest;
import org.lifeos.contracts.planning.v1.BillableMinutesResponse;
import org.lifeos.contracts.planning.v1.PlanningQuery;
import org.lifeos.contracts.planning.v1.SearchRequest;
import org.lifeos.contracts.planning.v1.SearchResponse;
import org.lifeos.contracts.planning.v1.TaskMinutesRequest;
import org.lifeos.contracts.planning.v1.TaskMinutesResponse;
import org.lifeos.contracts.planning.v1.TaskTime;
import org.lifeos.contracts.planning.v1.TodaySummaryRequest;
import org.lifeos.contracts.planning.v1.TodaySummaryResponse;

/**
 * planning-service's PlanningQuery for content's tests (served over gRPC, so content's real client
 * runs): TaskMinutes answers the minutes a test gave each task of a circle ({@link #spent}); a task of
 * another circle is not found; {@link #down} makes every call UNAVAILABLE. The planning side itself
 * is tested in planning-service.
 */
@GrpcService
public class FakePlanning implements PlanningQuery {

    private static final Map<String, Long> MINUTES = new ConcurrentHashMap<>();
    private static final List<String> CIRCLES_ASKED = new CopyOnWriteArrayList<>();
    private static volatile boolean down;

    public static void spent(UUID circle, UUID task, long minutes) {
        MINUTES.put(circle + "/" + task, minutes);
    }

    public static void down(boolean isDown) {
        down = isDown;
    }

    /** The circle ids TaskMinutes was asked about, oldest first. */
    public static List<String> circlesAsked() {
        return List.copyOf(CIRCLES_ASKED);
    }

    @Override
    public Uni<TaskMinutesResponse> taskMinutes(TaskMinutesRequest request) {
        if (down) {
            return Uni.createFrom().failure(Status.UNAVAILABLE.withDescription("planning is down").asRuntimeException());
        }
        CIRCLES_ASKED.add(request.getCircleId());
        TaskMinutesResponse.Builder response = TaskMinutesResponse.newBuilder();
        request.getTaskIdsList().stream().distinct().forEach(id -> {
            Long minutes = MINUTES.get(request.getCircleId() + "/" + id);
            response.addTasks(TaskTime.newBuilder().setTaskId(id).setFound(minutes != null)
                    .setMinutes(minutes == null ? 0 : minutes).setRecordedMinutes(minutes == null ? 0 : minutes));
        });
        return Uni.createFrom().item(response.build());
    }

    @Override
    public Uni<TodaySummaryResponse> todaySummary(TodaySummaryRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }

    @Override
    public Uni<BillableMinutesResponse> billableMinutes(BillableMinutesRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }

    @Override
    public Uni<SearchResponse> search(SearchRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }
}
