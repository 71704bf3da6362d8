package org.lifeos.identity.circle;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.lifeos.platform.api.Params;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.Problems;
import org.lifeos.platform.tenancy.AccessFilter;

/**
 * Below {@code /api/v1/circles/{id}} the path names the circle a request acts in. Before the
 * platform's access filter runs, this makes the path's circle the request's circle (the
 * {@code X-Circle-Id} it resolves): membership and role are checked there, and every transaction
 * of the request is fenced to it by row-level security. A client may leave the header out; one
 * that names another circle is refused (400), never silently overridden.
 *
 * <p>{@code /api/v1/circles} itself, {@code /api/v1/me/**} and {@code /api/v1/partner-apps/**}
 * act for the caller, not in a circle: the header is dropped there, so they are resolved in the
 * caller's personal circle.
 */
public class CirclePathFilter {

    private static final Pattern CIRCLE_PATH = Pattern.compile("^/api/v1/circles/([^/]+)(/.*)?$");
    private static final Set<String> CALLER_PATHS = Set.of("/api/v1/circles", "/api/v1/me", "/api/v1/partner-apps");
    /** Everything about the caller's account and apps acts for the caller too. */
    private static final Pattern CALLER_SUBPATHS = Pattern.compile("^/api/v1/(me|partner-apps)/.*$");

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 100)
    public Response pathNamesTheCircle(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (CALLER_PATHS.contains(path) || CALLER_SUBPATHS.matcher(path).matches()) {
            request.getHeaders().remove(AccessFilter.CIRCLE_HEADER);
            return null;
        }
        Matcher matcher = CIRCLE_PATH.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        try {
            UUID circle = Params.uuid("id", matcher.group(1));
            Optional<UUID> named = Params.optionalUuid(AccessFilter.CIRCLE_HEADER,
                    request.getHeaderString(AccessFilter.CIRCLE_HEADER));
            if (named.isPresent() && !named.get().equals(circle)) {
                throw ProblemException.badField(AccessFilter.CIRCLE_HEADER, "must be absent or name the circle in the path");
            }
            request.getHeaders().putSingle(AccessFilter.CIRCLE_HEADER, circle.toString());
            return null;
        } catch (ProblemException e) {
            return Problems.response(e.type(), e.getMessage(), request, e.errors());
        }
    }
}
