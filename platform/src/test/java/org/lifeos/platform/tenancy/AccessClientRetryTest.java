package org.lifeos.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

/** Which failed access checks are worth the one retry: only those where identity-service did not answer. */
class AccessClientRetryTest {

    @Test
    void identityServiceUnreachableOverloadedOrSlowIsRetried() {
        for (Status status : new Status[] {Status.UNAVAILABLE, Status.DEADLINE_EXCEEDED, Status.RESOURCE_EXHAUSTED,
                                           Status.ABORTED, Status.INTERNAL, Status.UNKNOWN}) {
            assertTrue(new TransientFailure().test(status.asRuntimeException()), status.getCode().name());
        }
        assertTrue(new TransientFailure().test(new TimeoutException("our own deadline")));
        assertTrue(new TransientFailure().test(new ConnectException("refused")));
    }

    @Test
    void anAnswerAboutTheCallerIsNotAskedAgain() {
        for (Status status : new Status[] {Status.NOT_FOUND, Status.UNAUTHENTICATED, Status.PERMISSION_DENIED,
                                           Status.INVALID_ARGUMENT, Status.FAILED_PRECONDITION}) {
            assertFalse(new TransientFailure().test(status.asRuntimeException()), status.getCode().name());
        }
    }
}
