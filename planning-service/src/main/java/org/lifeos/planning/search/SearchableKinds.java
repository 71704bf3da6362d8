package org.lifeos.planning.search;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.AccessClient;
import org.lifeos.platform.tenancy.AccessDecision;
import org.lifeos.platform.tenancy.TokenGrants;

/**
 * Which kinds a search may return to this caller in this circle: each kind only when the caller
 * may read its resource there, decided as for the kind's own endpoints (the token's scope, then
 * identity-service's role × resource × action answer, the circle's policy overrides included).
 * A circle that hides goals from visitors hides them from a visitor's search too.
 */
@ApplicationScoped
public class SearchableKinds {

    /** A searchable kind, the resource its endpoints are guarded by, and the scope a partner token needs for it. */
    enum Kind {
        TASK("task", "tasks", "planning:read"),
        GOAL("goal", "goals", "planning:read"),
        NOTE("note", "notes", "planning:read");

        final String value;
        final String resource;
        final String scope;

        Kind(String value, String resource, String scope) {
            this.value = value;
            this.resource = resource;
            this.scope = scope;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AccessClient access;

    public SearchableKinds(AccessClient access) {
        this.access = access;
    }

    /**
     * The kinds ({@code task}, {@code goal}, {@code note}) the caller may read in {@code circle}.
     * Blocks (worker thread); identity-service not answering is a 503 problem.
     */
    public Set<String> readable(TokenGrants.Grant grant, String bearerToken, UUID circle) {
        Set<String> kinds = new LinkedHashSet<>();
        for (Kind kind : Kind.values()) {
            if (grant.permits(kind.scope) && mayRead(grant, bearerToken, circle, kind.resource)) {
                kinds.add(kind.value);
            }
        }
        return kinds;
    }

    private boolean mayRead(TokenGrants.Grant grant, String bearerToken, UUID circle, String resource) {
        AccessDecision decision;
        try {
            decision = access.check(grant.caller(), bearerToken, Optional.of(circle), resource, "read")
                    .await().atMost(TIMEOUT);
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "Access cannot be checked right now");
        }
        return decision.member() && decision.allowed();
    }
}
