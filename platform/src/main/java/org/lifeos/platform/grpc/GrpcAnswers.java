package org.lifeos.platform.grpc;

import java.util.function.Supplier;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.Uni;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * How a blocking gRPC endpoint answers: runs the work and turns the REST side's problems into gRPC
 * statuses — a bad field is INVALID_ARGUMENT naming it (as REST's 400 would), a dependency that did
 * not answer (identity-service) UNAVAILABLE; statuses thrown by the work pass through.
 */
public final class GrpcAnswers {

    private GrpcAnswers() {
    }

    public static <T> Uni<T> answer(Supplier<T> work) {
        return Uni.createFrom().item(() -> {
            try {
                return work.get();
            } catch (StatusRuntimeException e) {
                throw e;
            } catch (ProblemException e) {
                if (e.type() == ProblemType.UNAVAILABLE) {
                    throw Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException();
                }
                String fields = e.errors().stream().map(f -> f.field() + ": " + f.message())
                        .reduce((a, b) -> a + "; " + b).orElse(e.getMessage());
                throw Status.INVALID_ARGUMENT.withDescription(fields).asRuntimeException();
            }
        });
    }
}
