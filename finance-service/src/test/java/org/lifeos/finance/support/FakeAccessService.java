package org.lifeos.finance.support;

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
 * identity-service's AccessService as finance-service's tests need it: every user owns a personal
 * circle and is a member of no other unless a test says so (visitors only read). Served over
 * in-process gRPC, so finance's real AccessClient, cache and filter run unchanged; identity-service's
 * own tests cover the real implementation.
 */
@GrpcService
public class FakeAccessService implements AccessService {

    private static final Map<UUID, UUID> PERSONAL = new ConcurrentHashMap<>();
    private static final Map<String, String> ROLES = new ConcurrentHashMap<>();

    /** The user's personal circle, made on first sight as identity-service does. */
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
