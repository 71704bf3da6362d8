package org.lifeos.health.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import org.lifeos.contracts.identity.v1.AccessService;
import org.lifeos.contracts.identity.v1.CheckRequest;
import org.lifeos.contracts.identity.v1.CheckResponse;
import org.lifeos.contracts.identity.v1.ListMembershipsRequest;
import org.lifeos.contracts.identity.v1.ListMembershipsResponse;
import org.lifeos.contracts.identity.v1.Membership;

/**
 * identity-service's AccessService as health's tests need it: each user has a personal circle,
 * tests add users to shared circles, and a member may do everything (health's privacy is row-level
 * security's work, not the circle policy's). Served in-process, so the platform's real
 * AccessClient and filter run unchanged.
 */
@GrpcService
public class Members implements AccessService {

    private static final Map<UUID, UUID> PERSONAL = new ConcurrentHashMap<>();
    private static final Map<UUID, Map<UUID, String>> ROLES = new ConcurrentHashMap<>();

    public static UUID personalCircle(UUID user) {
        return PERSONAL.computeIfAbsent(user, u -> {
            UUID circle = UUID.randomUUID();
            join(u, circle, "owner");
            return circle;
        });
    }

    public static void join(UUID user, UUID circle, String role) {
        ROLES.computeIfAbsent(user, u -> new ConcurrentHashMap<>()).put(circle, role);
    }

    @Override
    public Uni<CheckResponse> check(CheckRequest request) {
        UUID user = UUID.fromString(request.getCaller().getUserId());
        UUID personal = personalCircle(user);
        UUID circle = request.getCircleId().isEmpty() ? personal : UUID.fromString(request.getCircleId());
        String role = ROLES.getOrDefault(user, Map.of()).get(circle);
        CheckResponse.Builder response = CheckResponse.newBuilder().setCircleId(circle.toString())
                .setPersonalCircleId(personal.toString());
        return Uni.createFrom().item(role == null ? response.setMember(false).setAllowed(false).build()
                : response.setMember(true).setAllowed(true).setRole(role).build());
    }

    @Override
    public Uni<ListMembershipsResponse> listMemberships(ListMembershipsRequest request) {
        UUID user = UUID.fromString(request.getCaller().getUserId());
        ListMembershipsResponse.Builder response = ListMembershipsResponse.newBuilder()
                .setPersonalCircleId(personalCircle(user).toString());
        ROLES.getOrDefault(user, Map.of()).forEach((circle, role) -> response.addMemberships(
                Membership.newBuilder().setCircleId(circle.toString()).setRole(role).build()));
        return Uni.createFrom().item(response.build());
    }
}
