package org.lifeos.identity.access;

import java.sql.SQLException;
import java.sql.SQLTransientException;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.jboss.logging.Logger;

/**
 * What a caller of AccessService learns when answering fails for a reason of ours: a status, never
 * the exception's text. Left to the gRPC runtime, an exception became UNKNOWN with its message as
 * the description, so SQL statements and database errors travelled to every calling service.
 * The full failure is logged here instead.
 */
final class GrpcFailures {

    private static final Logger LOG = Logger.getLogger(GrpcFailures.class);

    private GrpcFailures() {
    }

    /**
     * A status the caller may see: the answers about the request (UNAUTHENTICATED,
     * INVALID_ARGUMENT, ...) as they are; a database that cannot be reached or a transaction that
     * lost a race UNAVAILABLE (worth a retry); anything else INTERNAL.
     */
    static Throwable toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException || failure instanceof StatusException) {
            return failure;
        }
        if (transientDatabaseFailure(failure)) {
            LOG.warnf(failure, "AccessService could not answer: the database is unavailable");
            return Status.UNAVAILABLE.withDescription("Access cannot be checked right now; try again")
                    .asRuntimeException();
        }
        LOG.errorf(failure, "AccessService failed");
        return Status.INTERNAL.withDescription("Access could not be checked").asRuntimeException();
    }

    /**
     * No connection (SQLSTATE class 08), the server shutting down (57P), a serialization failure
     * or deadlock (40), or the driver's own transient errors (pool exhausted, timeouts).
     */
    private static boolean transientDatabaseFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("40")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
