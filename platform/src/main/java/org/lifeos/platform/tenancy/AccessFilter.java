package org.lifeos.platform.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.error.Problems;

/**
 * Resolves who acts in which circle before any {@code /api} method runs: the token's subject,
 * the circle named by {@code X-Circle-Id} (default: the caller's personal circle), the caller's
 * role there from identity-service, and the method's {@link Access} rule. Not a member, not
 * allowed, or a partner token without the scope: 403. The header is never trusted on its own.
 */
public class AccessFilter {

    public static final String CIRCLE_HEADER = "X-Circle-Id";
    private static final Logger LOG = Logger.getLogger(AccessFilter.class);

    private final JsonWebToken token;
    private final TenantContext context;
    private final AccessClient access;
    private final TokenGrants grants;

    public AccessFilter(JsonWebToken token, TenantContext context, AccessClient access, TokenGrants grants) {
        this.token = token;
        this.context = context;
        this.access = access;
        this.grants = grants;
    }

    @ServerRequestFilter
    public Uni<Response> resolve(ContainerRequestContext request, ResourceInfo resource) {
        if (!request.getUriInfo().getPath().startsWith("/api/") || resource.getResourceMethod() == null) {
            return Uni.createFrom().nullItem();
        }
        Access rule = resource.getResourceMethod().getAnnotation(Access.class);
        if (rule == null) {
            LOG.errorf("%s has no @Access rule; refusing", resource.getResourceMethod());
            return problem(ProblemType.FORBIDDEN, "This endpoint has no access rule", request);
        }
        if (token == null || token.getSubject() == null || token.getRawToken() == null) {
            return Uni.createFrom().item(Response.fromResponse(
                    Problems.response(ProblemType.UNAUTHORIZED, "A valid bearer token is required", request))
                    .header("WWW-Authenticate", "Bearer").build());
        }
        Optional<TokenGrants.Grant> granted = grants.of(token);
        if (granted.isEmpty()) {
            return problem(ProblemType.UNAUTHORIZED, "The token's subject is not a LifeOS user", request);
        }
        TokenGrants.Grant grant = granted.get();
        Optional<UUID> circle;
        try {
            circle = Optional.ofNullable(request.getHeaderString(CIRCLE_HEADER)).filter(h -> !h.isBlank())
                    .map(String::trim).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Problems.response(ProblemType.VALIDATION, CIRCLE_HEADER + ": must be a UUID",
                    request, List.of(new Problem.FieldError(CIRCLE_HEADER, "must be a UUID"))));
        }
        if (!grant.permits(rule.scope())) {
            return problem(ProblemType.FORBIDDEN, "This token lacks the scope " + rule.scope(), request);
        }
        return access.check(grant.caller(), token.getRawToken(), circle, rule.resource(), rule.action())
                .map(decision -> {
                    if (!decision.member()) {
                        return Problems.response(ProblemType.FORBIDDEN, "You are not a member of this circle", request);
                    }
                    if (!decision.allowed()) {
                        return Problems.response(ProblemType.FORBIDDEN, "As " + decision.role() + " you may not "
                                + rule.action() + " " + rule.resource() + " in this circle", request);
                    }
                    context.resolved(decision, grant.scopes(), grant.authTime(), grant.clientId(), grant.firstParty());
                    return (Response) null;
                })
                .onFailure(StatusRuntimeException.class).recoverWithItem(e -> {
                    if (((StatusRuntimeException) e).getStatus().getCode() == Status.Code.NOT_FOUND) {
                        // identity-service knows the subject only as a deleted account (its token outlived it).
                        return Problems.response(ProblemType.UNAUTHORIZED, "This account was deleted", request);
                    }
                    LOG.warnf("Access check failed: %s", e.getMessage());
                    return Problems.response(ProblemType.UNAVAILABLE, "Access cannot be checked right now", request);
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Access check failed: %s", e.toString());
                    return Problems.response(ProblemType.UNAVAILABLE, "Access cannot be checked right now", request);
                });
    }

    private static Uni<Response> problem(ProblemType type, String detail, ContainerRequestContext request) {
        return Uni.createFrom().item(Problems.response(type, detail, request));
    }
}
