package org.lifeos.platform.error;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document. {@code type} is stable and documented; {@code errors} lists
 * field errors for a 400. Never carries a stack trace or a class name.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad field: where (a JSON path, a query parameter, a header) and what is wrong. */
    public record FieldError(String field, String message) {
    }
}
