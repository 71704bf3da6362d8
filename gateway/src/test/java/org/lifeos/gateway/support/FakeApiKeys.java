package org.lifeos.gateway.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import org.lifeos.contracts.identity.v1.AccessService;
import org.lifeos.contracts.identity.v1.CheckRequest;
import org.lifeos.contracts.identity.v1.CheckResponse;
import org.lifeos.contracts.identity.v1.ListMembershipsRequest;
import org.lifeos.contracts.identity.v1.ListMembershipsResponse;
import org.lifeos.contracts.identity.v1.ResolveApiKeyRequest;
import org.lifeos.contracts.identity.v1.ResolveApiKeyResponse;

/**
 * identity-service's ResolveApiKey as the gateway's tests need it (in-process gRPC): tokens a test
 * registers are live until it revokes them; the rest are unknown. Records the client address each
 * question named.
 */
@GrpcService
public class FakeApiKeys implements AccessService {

    private static final Map<String, UUID> LIVE = new ConcurrentHashMap<>();
    public static final Set<String> DOWN = ConcurrentHashMap.newKeySet();
    public static final List<String> ADDRESSES = new java.util.concurrent.CopyOnWriteArrayList<>();

    public static void live(String token, UUID user) {
        LIVE.put(token, user);
    }

    public static void revoke(String token) {
        LIVE.remove(token);
    }

    @Override
    public Uni<ResolveApiKeyResponse> resolveApiKey(ResolveApiKeyRequest request) {
        if (DOWN.contains(request.getToken())) {
            return Uni.createFrom().failure(Status.UNAVAILABLE.asRuntimeException());
        }
        ADDRESSES.add(request.getClientAddress());
        UUID user = LIVE.get(request.getToken());
        return Uni.createFrom().item(user == null ? ResolveApiKeyResponse.newBuilder().setActive(false).build()
                : ResolveApiKeyResponse.newBuilder().setActive(true).setUserId(user.toString())
                        .setKeyId(UUID.randomUUID().toString()).addScopes("planning:read").build());
    }

    @Override
    public Uni<CheckResponse> check(CheckRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }

    @Override
    public Uni<ListMembershipsResponse> listMemberships(ListMembershipsRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }
}
