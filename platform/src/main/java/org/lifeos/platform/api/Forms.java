package org.lifeos.platform.api;

import java.io.IOException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lifeos.platform.error.ProblemException;

/**
 * Reads request bodies into forms: whole for a create, merged into the current values for a
 * PATCH (RFC 7396 JSON merge patch: a field sent replaces, {@code null} clears, an absent field
 * stays). Either way the result is validated as a whole, so a PATCH cannot leave a resource in a
 * state a create would refuse. Errors become 400s naming the field.
 */
@ApplicationScoped
public class Forms {

    private final ObjectMapper json;
    private final Validator validator;

    public Forms(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T create(JsonNode body, Class<T> type) {
        requireObject(body);
        try {
            return validated(json.treeToValue(body, type));
        } catch (JsonProcessingException e) {
            throw new UncheckedJson(e);
        }
    }

    public <T> T merge(T current, JsonNode patch) {
        requireObject(patch);
        try {
            return validated(json.readerForUpdating(current).readValue(patch));
        } catch (IOException e) {
            if (e instanceof JsonProcessingException processing) {
                throw new UncheckedJson(processing);
            }
            throw new IllegalStateException(e);
        }
    }

    public <T> T validated(T form) {
        Set<ConstraintViolation<T>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return form;
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badField("body", "must be a JSON object");
        }
    }

    /** Carries a Jackson error to the problem mappers, which name the field. */
    public static final class UncheckedJson extends RuntimeException {
        private final JsonProcessingException cause;

        UncheckedJson(JsonProcessingException cause) {
            super(cause.getOriginalMessage(), cause, false, false);
            this.cause = cause;
        }

        public JsonProcessingException json() {
            return cause;
        }
    }
}
