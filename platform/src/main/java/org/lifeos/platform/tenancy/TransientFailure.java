package org.lifeos.platform.tenancy;

import java.util.function.Predicate;

import io.grpc.StatusRuntimeException;

/**
 * Worth one more try: identity-service unreachable, overloaded or slow. Its answers about the
 * caller (a bad token, a deleted account, a malformed request) would only be given again.
 */
public class TransientFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        if (failure instanceof StatusRuntimeException grpc) {
            return switch (grpc.getStatus().getCode()) {
                case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, INTERNAL, UNKNOWN -> true;
                default -> false;
            };
        }
        return true; // our own deadline (a TimeoutException) or a transport error
    }
}
