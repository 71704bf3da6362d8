package org.lifeos.platform.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.error.Problems;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * {@code Idempotency-Key} on POST: the first answer for a key is stored and replayed for 24
 * hours; the same key with a different request (method, path, query or body) is a 422; a key whose
 * first request still runs is a 409. Runs after the access check, so keys belong to one circle and
 * one user.
 *
 * <p>Not kept, so that a replay can never hand out more than the first request did:
 * <ul>
 *   <li>a 5xx, 401 or 403: the key is released, and the client's retry (after a fix, a fresh
 *       token, a step-up to sudo mode) runs again;</li>
 *   <li>the body of a {@link SecretResponse} method's successful answer: only the fact that the
 *       key was used is kept, and a repeat gets a 409 {@code secret-not-replayed} problem (the
 *       first request took effect; its secret was shown once and is gone). Its refusals (a 400)
 *       carry no secret and are replayed as usual. An answer an endpoint marked
 *       {@code Cache-Control: no-store} itself is treated the same way.</li>
 * </ul>
 * Expired keys are purged by {@link IdempotencyStore#purgeExpired()} on a schedule.
 */
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String CLAIMED = Idempotency.class.getName() + ".claimed";

    private final IdempotencyStore store;
    private final TenantContext context;
    private final ObjectMapper json;

    public Idempotency(IdempotencyStore store, TenantContext context, ObjectMapper json) {
        this.store = store;
        this.context = context;
        this.json = json;
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response beforePost(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || !context.isSet()) {
            return null;
        }
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.badField(HEADER, "must be 1 to 200 characters");
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String path = request.getUriInfo().getPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String hash = sha256(request.getMethod(), query == null ? path : path + "?" + query, body);
        Optional<IdempotencyStore.Stored> stored = store.claim(context.circleId(), context.userId(), key,
                request.getMethod(), path, hash);
        if (stored.isEmpty()) {
            request.setProperty(CLAIMED, key);
            return null;
        }
        IdempotencyStore.Stored previous = stored.get();
        if (!previous.requestHash().equals(hash)) {
            return Problems.response(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key " + key + " was first used with a different request", request);
        }
        if (previous.status() == null) {
            return Problems.response(ProblemType.CONFLICT,
                    "The first request with Idempotency-Key " + key + " is still running; retry shortly", request);
        }
        if (previous.secretWithheld()) {
            Response problem = Problems.response(ProblemType.SECRET_NOT_REPLAYED, "The first request with "
                    + "Idempotency-Key " + key + " succeeded (status " + previous.status() + "); its answer carried "
                    + "a secret, which is shown only once and is not kept for a replay", request);
            return Response.fromResponse(problem).header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header(REPLAYED_HEADER, "true").build();
        }
        Response.ResponseBuilder replay = Response.status(previous.status()).header(REPLAYED_HEADER, "true");
        if (previous.body() != null) {
            replay.entity(previous.body()).type(previous.contentType());
        }
        if (previous.location() != null) {
            replay.header(HttpHeaders.LOCATION, previous.location());
        }
        if (previous.etag() != null) {
            replay.header(HttpHeaders.ETAG, previous.etag());
        }
        return replay.build();
    }

    @ServerResponseFilter
    public void afterPost(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource)
            throws JsonProcessingException {
        Object key = request.getProperty(CLAIMED);
        if (key == null) {
            return;
        }
        int status = response.getStatus();
        if (status >= 500 || status == Response.Status.UNAUTHORIZED.getStatusCode()
                || status == Response.Status.FORBIDDEN.getStatusCode()) {
            store.release(context.circleId(), context.userId(), key.toString());
            return;
        }
        if ((SecretResponses.isSecret(resource) || forbidsStoring(response)) && status < 300) {
            store.completeWithheld(context.circleId(), context.userId(), key.toString(), status);
            return;
        }
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String text ? text : json.writeValueAsString(entity);
        String contentType = response.getMediaType() == null ? null : response.getMediaType().toString();
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        store.complete(context.circleId(), context.userId(), key.toString(), status, contentType,
                location == null ? null : location.toString(), etag == null ? null : etag.toString(), body);
    }

    /** An answer its endpoint marked {@code no-store} itself is kept no more here than in a cache. */
    private static boolean forbidsStoring(ContainerResponseContext response) {
        String cacheControl = response.getHeaderString(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-store");
    }

    private static String sha256(String method, String target, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + target + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
