package org.lifeos.platform.grpc;

import java.util.function.Supplier;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.Uni;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;

/**
 * Runs a blocking gRPC endpoint's work and answers as REST would: a {@link ProblemException} about
 * fields is INVALID_ARGUMENT naming them (REST's 400), not found is NOT_FOUND, a dependency that is
 * down is UNAVAILABLE; a {@link StatusRuntimeException} (from {@link GrpcCallers}) passes unchanged.
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
                throw status(e).asRuntimeException();
            }
        });
    }

    static Status status(ProblemException e) {
        if (e.type() == ProblemType.UNAVAILABLE) {
            return Status.UNAVAILABLE.withDescription(e.getMessage());
        }
        if (e.type() == ProblemType.NOT_FOUND) {
            return Status.NOT_FOUND.withDescription(e.getMessage());
        }
        String fields = e.errors().stream().map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b).orElse(e.getMessage());
        return Status.INVALID_ARGUMENT.withDescription(fields);
    }
}
