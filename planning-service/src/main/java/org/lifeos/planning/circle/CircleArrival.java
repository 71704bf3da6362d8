package org.lifeos.planning.circle;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.lifeos.planning.domain.StarterDomains;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Runs after the platform's access filter on every allowed request: the caller has just been
 * confirmed a member of the circle by identity-service, so planning records that, and a personal
 * circle seen for the first time gets its starter domains ({@link StarterDomains}). Each
 * (circle, user) is written once per process lifetime, not per request.
 */
@ApplicationScoped
public class CircleArrival {

    private final TenantContext context;
    private final CircleMembers members;
    private final StarterDomains starters;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public CircleArrival(TenantContext context, CircleMembers members, StarterDomains starters) {
        this.context = context;
        this.members = members;
        this.starters = starters;
    }

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void arrive(ContainerRequestContext request) {
        if (!context.isSet()) {
            return;
        }
        UUID circle = context.circleId();
        UUID user = context.userId();
        if (!known.contains(circle + "/" + user)) {
            if (context.personalCircleId().filter(circle::equals).isPresent()) {
                starters.ensure(circle, user);
            }
            record(circle, user, context.role().orElse(null));
            known.add(circle + "/" + user);
        }
    }

    /** Forgets what this process wrote about a circle, so the next request records it again. */
    public void forget(UUID circle) {
        known.removeIf(key -> key.startsWith(circle + "/"));
    }

    @Transactional
    void record(UUID circle, UUID user, String role) {
        members.seen(circle, user, role);
    }
}
