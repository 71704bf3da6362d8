package org.lifeos.devstack.testing;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.grpc.Status;
import io.smallrye.mutiny.Uni;
import org.lifeos.contracts.identity.v1.AccessService;
import org.lifeos.contracts.identity.v1.CheckRequest;
import org.lifeos.contracts.identity.v1.CheckResponse;
import org.lifeos.contracts.identity.v1.ListMembershipsRequest;
import org.lifeos.contracts.identity.v1.ListMembershipsResponse;
import org.lifeos.contracts.identity.v1.Membership;
import org.lifeos.contracts.identity.v1.ResolveApiKeyRequest;
import org.lifeos.contracts.identity.v1.ResolveApiKeyResponse;

/**
 * identity-service's AccessService as a service's own tests need it, one for every service: every
 * user owns a personal circle made on first sight and is a member of no other unless a test says
 * so ({@link #setRole}); visitors only read; a circle may deny a role an action on a resource
 * ({@link #deny}); the next checks of a user may fail ({@link #failNext}). Served over in-process
 * gRPC, so the service's real AccessClient, cache and filter run unchanged (identity-service's own
 * tests cover the real one). A service's tests register it with one line:
 *
 * <pre>{@code
 * @GrpcService
 * public class FakeAccessService extends org.lifeos.devstack.testing.FakeAccessService {
 * }
 * }</pre>
 */
public class FakeAccessService implements AccessService {

    private static final Map<UUID, UUID> PERSONAL = new ConcurrentHashMap<>();
    private static final Map<String, String> ROLES = new ConcurrentHashMap<>();
    private static final Set<String> VISITOR_ACTIONS = Set.of("read");
    private static final Set<String> DENIED = ConcurrentHashMap.newKeySet();
    private static final Map<UUID, Deque<Status>> FAILURES = new ConcurrentHashMap<>();

    /** The user's personal circle, made on first sight as identity-service does. */
    public static UUID personalCircle(UUID user) {
        return PERSONAL.computeIfAbsent(user, u -> {
            UUID circle = UUID.randomUUID();
            ROLES.put(key(u, circle), "owner");
            return circle;
        });
    }

    public static void setRole(UUID user, UUID circle, String role) {
        ROLES.put(key(user, circle), role);
    }

    public static void remove(UUID user, UUID circle) {
        ROLES.remove(key(user, circle));
    }

    /** A circle's policy override, as identity-service applies it: {@code role} may not {@code action} {@code resource} there. */
    public static void deny(UUID circle, String role, String resource, String action) {
        DENIED.add(circle + "/" + role + "/" + resource + "/" + action);
    }

    /** The next checks for {@code user} fail with these statuses, one each, as a struggling identity-service would. */
    public static void failNext(UUID user, Status... statuses) {
        FAILURES.computeIfAbsent(user, u -> new ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
    }

    @Override
    public Uni<CheckResponse> check(CheckRequest request) {
        UUID user = UUID.fromString(request.getCaller().getUserId());
        Status failure = FAILURES.getOrDefault(user, new ConcurrentLinkedDeque<>()).poll();
        if (failure != null) {
            return Uni.createFrom().failure(failure.asRuntimeException());
        }
        UUID personal = personalCircle(user);
        UUID circle = request.getCircleId().isEmpty() ? personal : UUID.fromString(request.getCircleId());
        String role = ROLES.get(key(user, circle));
        CheckResponse.Builder response = CheckResponse.newBuilder().setCircleId(circle.toString())
                .setPersonalCircleId(personal.toString());
        if (role == null) {
            return Uni.createFrom().item(response.setMember(false).setAllowed(false).build());
        }
        boolean allowed = (!role.equals("visitor") || VISITOR_ACTIONS.contains(request.getAction()))
                && !DENIED.contains(circle + "/" + role + "/" + request.getResource() + "/" + request.getAction());
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

    /** No personal access tokens here: every one is unknown (identity-service's own tests cover the real ones). */
    @Override
    public Uni<ResolveApiKeyResponse> resolveApiKey(ResolveApiKeyRequest request) {
        return Uni.createFrom().item(ResolveApiKeyResponse.newBuilder().setActive(false).build());
    }

    private static String key(UUID user, UUID circle) {
        return user + "/" + circle;
    }
}
