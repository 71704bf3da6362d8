package org.lifeos.identity.circle;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.lifeos.identity.api.Params;
import org.lifeos.platform.error.Problem;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.error.Problems;
import org.lifeos.platform.tenancy.AccessFilter;

/**
 * Below {@code /api/v1/circles/{id}} the path names the circle a request acts in. Before the
 * platform's access filter runs, this makes the path's circle the request's circle (the
 * {@code X-Circle-Id} it resolves): membership and role are checked there, and every transaction
 * of the request is fenced to it by row-level security. A client may leave the header out; one
 * that names another circle is refused (400), never silently overridden.
 *
 * <p>{@code /api/v1/circles} itself and {@code /api/v1/me} act for the caller, not in a circle:
 * the header is dropped there, so they are resolved in the caller's personal circle.
 */
public class CirclePathFilter {

    private static final Pattern CIRCLE_PATH = Pattern.compile("^/api/v1/circles/([^/]+)(/.*)?$");
    private static final Set<String> CALLER_PATHS = Set.of("/api/v1/circles", "/api/v1/me");

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 100)
    public Response pathNamesTheCircle(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (CALLER_PATHS.contains(path)) {
            request.getHeaders().remove(AccessFilter.CIRCLE_HEADER);
            return null;
        }
        Matcher matcher = CIRCLE_PATH.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        Optional<UUID> circle = Params.parseUuid(matcher.group(1));
        if (circle.isEmpty()) {
            return invalid(request, "id", "must be a UUID");
        }
        String header = request.getHeaderString(AccessFilter.CIRCLE_HEADER);
        if (header != null && !header.isBlank()) {
            Optional<UUID> named = Params.parseUuid(header.strip());
            if (named.isEmpty()) {
                return invalid(request, AccessFilter.CIRCLE_HEADER, "must be a UUID");
            }
            if (!named.get().equals(circle.get())) {
                return invalid(request, AccessFilter.CIRCLE_HEADER, "must be absent or name the circle in the path");
            }
        }
        request.getHeaders().putSingle(AccessFilter.CIRCLE_HEADER, circle.get().toString());
        return null;
    }

    private static Response invalid(ContainerRequestContext request, String field, String message) {
        return Problems.response(ProblemType.VALIDATION, field + ": " + message, request,
                List.of(new Problem.FieldError(field, message)));
    }
}
