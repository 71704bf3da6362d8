package org.lifeos.identity.access;

import java.util.UUID;

import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import org.lifeos.contracts.identity.v1.AccessService;
import org.lifeos.contracts.identity.v1.CheckRequest;
import org.lifeos.contracts.identity.v1.CheckResponse;
import org.lifeos.contracts.identity.v1.ListMembershipsRequest;
import org.lifeos.contracts.identity.v1.ListMembershipsResponse;
import org.lifeos.contracts.identity.v1.ResolveApiKeyRequest;
import org.lifeos.contracts.identity.v1.ResolveApiKeyResponse;
import org.lifeos.identity.apikey.ApiKeyResolution;
import org.lifeos.platform.grpc.GrpcCallers;

/**
 * {@code lifeos.identity.v1.AccessService}, served on the HTTP port. Every service's access
 * filter asks it, identity-service's own included. The work is blocking (database), so it runs on
 * a worker thread. Every call must carry the caller's own bearer token (the platform's
 * {@link GrpcCallers}: verified by Quarkus gRPC security with OIDC, and the caller asked about must
 * be the token's subject). A failure of ours reaches the caller as a bare status
 * ({@link GrpcFailures}), never as an exception's text.
 */
@GrpcService
public class AccessEndpoint implements AccessService {

    private final AccessChecks checks;
    private final GrpcCallers callers;
    private final ApiKeyResolution apiKeys;

    public AccessEndpoint(AccessChecks checks, GrpcCallers callers, ApiKeyResolution apiKeys) {
        this.checks = checks;
        this.callers = callers;
        this.apiKeys = apiKeys;
    }

    @Override
    @Blocking
    public Uni<CheckResponse> check(CheckRequest request) {
        return Uni.createFrom().item(() -> {
            UUID caller = callers.requireCaller(request.getCaller().getUserId(), "caller.user_id").userId();
            return checks.check(caller, request);
        }).onFailure().transform(GrpcFailures::toStatus);
    }

    @Override
    @Blocking
    public Uni<ListMembershipsResponse> listMemberships(ListMembershipsRequest request) {
        return Uni.createFrom().item(() -> {
            UUID caller = callers.requireCaller(request.getCaller().getUserId(), "caller.user_id").userId();
            return checks.listMemberships(caller, request.getCaller());
        }).onFailure().transform(GrpcFailures::toStatus);
    }

    /**
     * The one call without a bearer token: the personal access token in the request is the
     * credential (like OAuth token introspection), and the answer is about that token only.
     */
    @Override
    @Blocking
    public Uni<ResolveApiKeyResponse> resolveApiKey(ResolveApiKeyRequest request) {
        return Uni.createFrom().item(() -> apiKeys.resolveNow(request.getToken(), request.getClientAddress())
                .map(key -> ResolveApiKeyResponse.newBuilder().setActive(true).setUserId(key.userId().toString())
                        .setKeyId(key.keyId().toString()).addAllScopes(new java.util.TreeSet<>(key.scopes()))
                        .setExpiresAt(key.expiresAt() == null ? 0 : key.expiresAt().getEpochSecond()).build())
                .orElseGet(() -> ResolveApiKeyResponse.newBuilder().setActive(false).build()))
                .onFailure().transform(GrpcFailures::toStatus);
    }
}
