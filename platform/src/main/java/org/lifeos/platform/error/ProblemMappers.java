package org.lifeos.platform.error;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.ContainerRequestContext;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of every service becomes an {@code application/problem+json} answer here. Field
 * errors name the field (a JSON path such as {@code subtasks[2].title}); nothing reveals a class
 * name or a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        return Problems.response(e.type(), e.getMessage(), request, e.errors());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response invalid(ConstraintViolationException e, ContainerRequestContext request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problems.response(ProblemType.VALIDATION, summary(errors), request, errors);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unreadable(JsonProcessingException e, ContainerRequestContext request) {
        Problem.FieldError error = jsonError(e);
        return Problems.response(ProblemType.VALIDATION, summary(List.of(error)), request, List.of(error));
    }

    @ServerExceptionMapper
    public Response unreadableForm(org.lifeos.platform.api.Forms.UncheckedJson e, ContainerRequestContext request) {
        return unreadable(e.json(), request);
    }

    @ServerExceptionMapper
    public Response stale(OptimisticLockException e, ContainerRequestContext request) {
        return Problems.response(ProblemType.PRECONDITION_FAILED,
                "Someone changed this resource at the same time; read it again and retry", request);
    }

    @ServerExceptionMapper
    public Response staleState(StaleObjectStateException e, ContainerRequestContext request) {
        return stale(new OptimisticLockException(), request);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, ContainerRequestContext request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, ContainerRequestContext request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return Problems.response(ProblemType.FORBIDDEN, "You may not do this here", request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        // The JSON body reader reports unreadable bodies as a 400 wrapping Jackson's exception.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadable(json, request);
            }
            if (cause instanceof ProblemException problem) { // a parameter converter's refusal
                return problem(problem, request);
            }
        }
        int status = e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 400 -> ProblemType.VALIDATION;
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 409 -> ProblemType.CONFLICT;
            case 412 -> ProblemType.PRECONDITION_FAILED;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ProblemType.RATE_LIMITED;
            case 503 -> ProblemType.UNAVAILABLE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.VALIDATION;
        };
        if (type == ProblemType.INTERNAL) {
            LOG.errorf(e, "Request %s failed", describe(request));
        }
        return Problems.response(type, type == ProblemType.INTERNAL ? null : type.title(), request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        LOG.errorf(e, "Request %s failed", describe(request));
        return Problems.response(ProblemType.INTERNAL, null, request);
    }

    private static String describe(ContainerRequestContext request) {
        return request == null ? "?" : request.getMethod() + " /" + request.getUriInfo().getPath().replaceFirst("^/", "");
    }

    private static Response unauthorized(ContainerRequestContext request) {
        Response problem = Problems.response(ProblemType.UNAUTHORIZED, "A valid bearer token is required", request);
        return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer").build();
    }

    private static Problem.FieldError jsonError(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            var location = parse.getLocation();
            return new Problem.FieldError("body", "malformed JSON at line " + location.getLineNr()
                    + ", column " + location.getColumnNr());
        }
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : "body";
        if (e instanceof UnrecognizedPropertyException) {
            return new Problem.FieldError(field, "unknown field");
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .map(String::toLowerCase).collect(Collectors.joining(", "));
                return new Problem.FieldError(field, "must be one of: " + allowed);
            }
            return new Problem.FieldError(field, "must be " + describe(target));
        }
        if (e instanceof MismatchedInputException mismatched) {
            return new Problem.FieldError(field, "must be " + describe(mismatched.getTargetType()));
        }
        return new Problem.FieldError(field, "cannot be read");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date or time in ISO 8601 / RFC 3339 form";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** The field of a violation: the JSON path inside a body, or the name of a query/path parameter. */
    private static String field(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", parts);
    }

    private static String summary(List<Problem.FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }

}
