package org.lifeos.content.returns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lifeos.contracts.planning.v1.PlanningQuery;
import org.lifeos.contracts.planning.v1.TaskMinutesRequest;
import org.lifeos.contracts.planning.v1.TaskTime;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.IdentityAccess;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Time spent on tasks, asked of planning-service's {@code PlanningQuery.TaskMinutes} with the caller's
 * own token, in the caller's circle, so planning applies its own access check and row-level security.
 * When planning cannot answer, the returns view is a 503 problem, never zeros that would read as
 * "no time spent"; when it refuses the caller (no right to read tasks there) a 403.
 */
@ApplicationScoped
public class PlanningTime {

    static final int CHUNK = 500;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final PlanningQuery planning;
    private final JsonWebToken jwt;
    private final TenantContext context;

    public PlanningTime(@GrpcClient("planning") PlanningQuery planning, JsonWebToken jwt, TenantContext context) {
        this.planning = planning;
        this.jwt = jwt;
        this.context = context;
    }

    /** Minutes spent per task id found in planning; ids planning does not know are left out. */
    public Map<UUID, Long> minutes(List<UUID> taskIds) {
        Map<UUID, Long> minutes = new HashMap<>();
        Metadata headers = new Metadata();
        headers.put(IdentityAccess.AUTHORIZATION, "Bearer " + jwt.getRawToken());
        PlanningQuery caller = GrpcClientUtils.attachHeaders(planning, headers);
        List<UUID> ids = new ArrayList<>(taskIds);
        for (int start = 0; start < ids.size(); start += CHUNK) {
            TaskMinutesRequest request = TaskMinutesRequest.newBuilder().setCircleId(context.circleId().toString())
                    .addAllTaskIds(ids.subList(start, Math.min(ids.size(), start + CHUNK)).stream()
                            .map(UUID::toString).toList()).build();
            try {
                for (TaskTime task : caller.taskMinutes(request).await().atMost(TIMEOUT).getTasksList()) {
                    if (task.getFound()) {
                        minutes.put(UUID.fromString(task.getTaskId()), task.getMinutes());
                    }
                }
            } catch (StatusRuntimeException e) {
                Status.Code code = e.getStatus().getCode();
                if (code == Status.Code.PERMISSION_DENIED || code == Status.Code.UNAUTHENTICATED) {
                    throw new ProblemException(ProblemType.FORBIDDEN,
                            "planning-service does not let you read tasks in this circle, so time spent cannot be shown");
                }
                throw unavailable();
            } catch (RuntimeException e) {
                // A timeout (TimeoutException from await) or a broken channel.
                throw unavailable();
            }
        }
        return minutes;
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.UNAVAILABLE,
                "planning-service did not answer, so time spent cannot be shown; try again later");
    }
}
