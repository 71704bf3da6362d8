package org.lifeos.identity.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.grpc.Status;
import org.lifeos.contracts.identity.v1.Caller;
import org.lifeos.contracts.identity.v1.CheckRequest;
import org.lifeos.contracts.identity.v1.CheckResponse;
import org.lifeos.contracts.identity.v1.ListMembershipsResponse;
import org.lifeos.contracts.identity.v1.Membership;
import org.lifeos.identity.member.CircleMemberRepository;
import org.lifeos.identity.member.Role;
import org.lifeos.identity.policy.PermissionRules;
import org.lifeos.identity.user.UserProvisioning;
import org.lifeos.platform.grpc.GrpcCallers;

/**
 * The answers of {@code lifeos.identity.v1.AccessService}, each in one transaction: the caller is
 * provisioned on first sight (user and personal circle), then membership, role and policy are read
 * under row-level security as the caller, in the circle asked about.
 */
@ApplicationScoped
public class AccessChecks {

    private static final int MAX_MEMBERSHIPS = 1000;

    private final UserProvisioning provisioning;
    private final Tenancy tenancy;
    private final CircleMemberRepository members;
    private final PermissionRules rules;

    public AccessChecks(UserProvisioning provisioning, Tenancy tenancy, CircleMemberRepository members,
                        PermissionRules rules) {
        this.provisioning = provisioning;
        this.tenancy = tenancy;
        this.members = members;
        this.rules = rules;
    }

    /** @param callerId the caller's id as {@link GrpcCallers#requireCaller} parsed and verified it */
    @Transactional
    public CheckResponse check(UUID callerId, CheckRequest request) {
        UserProvisioning.Profile caller = profile(callerId, request.getCaller());
        String resource = required(request.getResource(), "resource");
        String action = required(request.getAction(), "action");
        UUID personal = provision(caller);
        UUID circle = request.getCircleId().isBlank() ? personal : GrpcCallers.canonicalUuid(request.getCircleId(), "circle_id");
        tenancy.apply(circle, caller.userId());
        Optional<Role> role = members.activeRole(circle, caller.userId());
        CheckResponse.Builder response = CheckResponse.newBuilder()
                .setCircleId(circle.toString())
                .setPersonalCircleId(personal.toString())
                .setMember(role.isPresent());
        role.ifPresent(r -> response.setRole(r.value()).setAllowed(rules.allows(circle, r, resource, action)));
        return response.build();
    }

    /** @param callerId the caller's id as {@link GrpcCallers#requireCaller} parsed and verified it */
    @Transactional
    public ListMembershipsResponse listMemberships(UUID callerId, Caller request) {
        UserProvisioning.Profile caller = profile(callerId, request);
        UUID personal = provision(caller);
        tenancy.apply(personal, caller.userId());
        List<Membership> memberships = new ArrayList<>();
        for (CircleMemberRepository.MembershipRow row
                : members.membershipsOf(caller.userId(), new UUID(0, 0), MAX_MEMBERSHIPS)) {
            memberships.add(Membership.newBuilder()
                    .setCircleId(row.circle().id().toString())
                    .setRole(row.member().role().value())
                    .setKind(row.circle().kind().value())
                    .setName(row.circle().name())
                    .build());
        }
        return ListMembershipsResponse.newBuilder()
                .addAllMemberships(memberships)
                .setPersonalCircleId(personal.toString())
                .build();
    }

    /**
     * The caller's personal circle, made on first sight. NOT_FOUND for a deleted account, so that
     * callers tell it from a bad token (UNAUTHENTICATED).
     */
    private UUID provision(UserProvisioning.Profile caller) {
        try {
            return provisioning.provision(caller);
        } catch (UserProvisioning.DeletedAccount e) {
            throw Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException();
        }
    }

    private static UserProvisioning.Profile profile(UUID user, Caller caller) {
        return new UserProvisioning.Profile(user, caller.getUsername(), caller.getEmail(), caller.getDisplayName(),
                caller.getZoneinfo());
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Status.INVALID_ARGUMENT.withDescription(field + " is required").asRuntimeException();
        }
        return value.strip();
    }
}
