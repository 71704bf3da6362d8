package org.lifeos.platform.tenancy;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.Metadata;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.lifeos.contracts.identity.v1.AccessService;
import org.lifeos.contracts.identity.v1.CheckRequest;
import org.lifeos.contracts.identity.v1.CheckResponse;

/**
 * The gRPC call to identity-service's AccessService, under SmallRye Fault Tolerance: a deadline
 * (3 s) and one retry after 100 ms when identity-service did not answer ({@link TransientFailure}).
 * An answer about the caller (a bad token, a deleted account) is not asked again.
 *
 * <p>Tune per deployment with the standard keys, e.g.
 * {@code quarkus.fault-tolerance."org.lifeos.platform.tenancy.IdentityAccess/check".timeout.value=1500}.
 * Its own bean so the interceptors run (a call from inside the same bean would bypass them).
 */
@ApplicationScoped
public class IdentityAccess {

    /** The caller's own bearer token, sent to identity-service to prove who asks. */
    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final AccessService access;

    public IdentityAccess(@GrpcClient("access") AccessService access) {
        this.access = access;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 100, jitter = 0)
    @RetryWhen(exception = TransientFailure.class)
    public Uni<CheckResponse> check(CheckRequest request, String bearerToken) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + bearerToken);
        return GrpcClientUtils.attachHeaders(access, headers).check(request);
    }
}
