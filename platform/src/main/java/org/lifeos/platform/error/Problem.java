package org.lifeos.platform.error;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document. {@code type} is stable and documented; {@code errors} lists
 * field errors for a 400. Never carries a stack trace or a class name. Services and the gateway
 * both answer with this record, serialised by Jackson, so a problem looks the same whoever answered.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem of {@code type} at {@code instance} (the request path); {@code requestId} may be null. */
    public static Problem of(ProblemType type, String detail, String instance, String requestId,
                             List<FieldError> errors) {
        return new Problem(type.type(), type.title(), type.status(), detail, instance, requestId, List.copyOf(errors));
    }

    /** One bad field: where (a JSON path, a query parameter, a header) and what is wrong. */
    public record FieldError(String field, String message) {
    }
}
