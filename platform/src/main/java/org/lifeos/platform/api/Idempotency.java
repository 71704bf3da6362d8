package org.lifeos.platform.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
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
 * hours; the same key with a different request is a 422; a key whose first request still runs
 * is a 409. Runs after the access check, so keys belong to one circle and one user.
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
        String hash = sha256(request.getMethod(), path, body);
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
    public void afterPost(ContainerRequestContext request, ContainerResponseContext response)
            throws JsonProcessingException {
        Object key = request.getProperty(CLAIMED);
        if (key == null) {
            return;
        }
        if (response.getStatus() >= 500) {
            store.release(context.circleId(), context.userId(), key.toString());
            return;
        }
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String text ? text : json.writeValueAsString(entity);
        String contentType = response.getMediaType() == null ? null : response.getMediaType().toString();
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        store.complete(context.circleId(), context.userId(), key.toString(), response.getStatus(), contentType,
                location == null ? null : location.toString(), etag == null ? null : etag.toString(), body);
    }

    private static String sha256(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
