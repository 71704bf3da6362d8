package org.lifeos.content.support;

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
 * identity-service's AccessService as content's tests need it: every user owns a personal circle
 * made on first sight; a test may make them a visitor (reads only) of another circle. Served over
 * in-process gRPC, so the platform's real AccessClient and filter run unchanged.
 */
@GrpcService
public class Access implements AccessService {

    private static final Map<UUID, UUID> PERSONAL = new ConcurrentHashMap<>();
    private static final Map<String, String> ROLES = new ConcurrentHashMap<>();

    public static UUID personalCircle(UUID user) {
        return PERSONAL.computeIfAbsent(user, u -> {
            UUID circle = UUID.randomUUID();
            ROLES.put(u + "/" + circle, "owner");
            return circle;
        });
    }

    public static void setRole(UUID user, UUID circle, String role) {
        ROLES.put(user + "/" + circle, role);
    }

    @Override
    public Uni<CheckResponse> check(CheckRequest request) {
        UUID user = UUID.fromString(request.getCaller().getUserId());
        UUID personal = personalCircle(user);
        UUID circle = request.getCircleId().isEmpty() ? personal : UUID.fromString(request.getCircleId());
        String role = ROLES.get(user + "/" + circle);
        CheckResponse.Builder response = CheckResponse.newBuilder().setCircleId(circle.toString())
                .setPersonalCircleId(personal.toString());
        if (role == null) {
            return Uni.createFrom().item(response.setMember(false).setAllowed(false).build());
        }
        boolean allowed = !role.equals("visitor") || request.getAction().equals("read");
        return Uni.createFrom().item(response.setMember(true).setAllowed(allowed).setRole(role).build());
    }

    @Override
    public Uni<ListMembershipsResponse> listMemberships(ListMembershipsRequest request) {
        UUID user = UUID.fromString(request.getCaller().getUserId());
        ListMembershipsResponse.Builder response = ListMembershipsResponse.newBuilder()
                .setPersonalCircleId(personalCircle(user).toString());
        ROLES.forEach((key, role) -> {
            if (key.startsWith(user + "/")) {
                response.addMemberships(Membership.newBuilder().setCircleId(key.substring(key.indexOf('/') + 1))
                        .setRole(role).build());
            }
        });
        return Uni.createFrom().item(response.build());
    }
}
