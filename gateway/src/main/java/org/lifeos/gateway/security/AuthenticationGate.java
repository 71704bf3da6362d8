package org.lifeos.gateway.security;

import java.util.function.BiConsumer;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.lifeos.gateway.ratelimit.RateLimiter;
import org.lifeos.gateway.requestid.RequestIds;
import org.lifeos.platform.apikey.ApiKeyTokens;
import org.lifeos.platform.error.ProblemReplies;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.token.VerifiedTokens;

/**
 * Lets a request under {@code /api/} through only with a valid access token: signed by the
 * realm's keys (quarkus-oidc, keys cached), issued by the realm, unexpired, and meant for the
 * LifeOS API (audience); or a personal access token ({@code lopat_...}) that identity-service
 * says is live (the platform's {@code ApiKeyMechanism}, asked for every request: a revoked token is
 * refused on the next one). Everything else is turned away here with a 401 problem, before any
 * service sees it. The token itself travels on untouched; services validate it again.
 *
 * <p>Authentication is lazy (quarkus.http.auth.proactive=false), so nothing outside
 * {@code /api/} - health, metrics, OpenAPI - ever looks at a token. An access token this gateway
 * has verified before, unexpired, is let through from {@link VerifiedTokens} without being
 * verified again; a personal access token always asks identity-service.
 */
public final class AuthenticationGate {


    private static final Logger LOG = Logger.getLogger(AuthenticationGate.class);

    /** Quarkus would answer a failure on its own (an empty 401); this gate answers instead. */
    private static final BiConsumer<RoutingContext, Throwable> ANSWERED_BY_GATE = (ctx, failure) -> {
    };

    private final VerifiedTokens<String> verified;

    public AuthenticationGate(VerifiedTokens<String> verified) {
        this.verified = verified;
    }

    public void handle(RoutingContext ctx) {
        String token = ApiKeyTokens.accessToken(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        String subject = token == null ? null : verified.get(token);
        if (subject != null) {
            ctx.put(RateLimiter.CALLER_KEY, subject);
            ctx.next();
            return;
        }
        Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (identity == null) {
            // Quarkus security did not run on this request: fail closed.
            ProblemReplies.send(ctx, ProblemType.INTERNAL,
                    "The request could not be authenticated.", RequestIds.of(ctx));
            return;
        }
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, ANSWERED_BY_GATE);
        identity.subscribe().with(
                id -> {
                    if (id.isAnonymous()) {
                        unauthorized(ctx, "Bearer", "This API needs an access token: send 'Authorization: Bearer <token>'.");
                    } else if (id.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
                        if (token != null) {
                            verified.remember(token, jwt.getSubject(), jwt.getExpirationTime());
                        }
                        ctx.put(RateLimiter.CALLER_KEY, jwt.getSubject());
                        ctx.next();
                    } else {
                        ctx.put(RateLimiter.CALLER_KEY, id.getPrincipal().getName());
                        ctx.next();
                    }
                },
                failure -> rejected(ctx, DefaultAuthFailureHandler.extractRootCause(failure)));
    }

    private static void rejected(RoutingContext ctx, Throwable failure) {
        if (failure instanceof AuthenticationFailedException) {
            LOG.debugf("Access token refused: %s", failure.getMessage());
            unauthorized(ctx, "Bearer error=\"invalid_token\"", "The access token is not valid: it may have expired, "
                    + "be meant for another audience, or not be signed by LifeOS's identity provider.");
        } else {
            // Not a verdict on the token: the identity provider's keys could not be had, for instance.
            LOG.warnf("Could not authenticate a request: %s", failure.toString());
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
            ProblemReplies.send(ctx, ProblemType.UNAVAILABLE,
                    "Access tokens cannot be checked right now; try again shortly.", RequestIds.of(ctx));
        }
    }

    private static void unauthorized(RoutingContext ctx, String challenge, String detail) {
        ctx.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, challenge);
        ProblemReplies.send(ctx, ProblemType.UNAUTHORIZED, detail, RequestIds.of(ctx));
    }
}
