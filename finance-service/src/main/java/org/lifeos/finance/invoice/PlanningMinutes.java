package org.lifeos.finance.invoice;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import org.lifeos.contracts.planning.v1.BillableMinutesRequest;
import org.lifeos.contracts.planning.v1.DomainMinutes;
import org.lifeos.contracts.planning.v1.PlanningQuery;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.grpc.BearerTokenMechanism;

/**
 * planning-service's {@code BillableMinutes} (gRPC {@code lifeos.planning.v1.PlanningQuery}), asked
 * with the end user's own bearer token: planning checks that user's access to the circle's tasks
 * itself, so finance never reads more planning data than the user may. Planning's refusals become
 * this request's problems (403, 400), an unreachable planning a 503.
 */
@ApplicationScoped
public class PlanningMinutes {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final PlanningQuery planning;

    public PlanningMinutes(@GrpcClient("planning") PlanningQuery planning) {
        this.planning = planning;
    }

    public List<DomainMinutes> between(String bearerToken, UUID circle, LocalDate from, LocalDate to) {
        Metadata headers = new Metadata();
        headers.put(BearerTokenMechanism.AUTHORIZATION, "Bearer " + bearerToken);
        try {
            return GrpcClientUtils.attachHeaders(planning, headers)
                    .billableMinutes(BillableMinutesRequest.newBuilder().setCircleId(circle.toString())
                            .setFrom(from.toString()).setTo(to.toString()).build())
                    .await().atMost(TIMEOUT).getDomainsList();
        } catch (StatusRuntimeException e) {
            String why = e.getStatus().getDescription() == null ? e.getStatus().getCode().toString()
                    : e.getStatus().getDescription();
            throw switch (e.getStatus().getCode()) {
                case PERMISSION_DENIED, UNAUTHENTICATED -> new ProblemException(ProblemType.FORBIDDEN,
                        "planning-service refused the billable minutes: " + why);
                case INVALID_ARGUMENT -> new ProblemException(ProblemType.VALIDATION,
                        "planning-service refused the period: " + why);
                default -> new ProblemException(ProblemType.UNAVAILABLE,
                        "planning-service did not answer the billable minutes: " + why);
            };
        } catch (io.smallrye.mutiny.TimeoutException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "planning-service did not answer within " + TIMEOUT);
        }
    }
}
