package org.lifeos.platform.error;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/** Builds problem responses; the one place that knows their shape. */
public final class Problems {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private Problems() {
    }

    public static Response response(ProblemType type, String detail, ContainerRequestContext request) {
        return response(type, detail, request, List.of());
    }

    /** A problem answer for {@code request}: its path is the instance, its request id is quoted. */
    public static Response response(ProblemType type, String detail, ContainerRequestContext request,
                                    List<Problem.FieldError> errors) {
        String instance = request == null ? null : "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        Object requestId = request == null ? null : request.getProperty(REQUEST_ID_HEADER);
        Problem problem = Problem.of(type, detail, instance, requestId == null ? null : requestId.toString(), errors);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
