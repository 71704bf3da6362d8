package org.lifeos.identity.user;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An IANA time zone name that java.time knows ({@code Europe/Berlin}, {@code UTC}); fixed offsets
 * such as {@code +02:00} are refused, since day-bucketed data needs the zone's rules. Null passes
 * (pair with NotBlank).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TimeZone.Check.class)
public @interface TimeZone {

    String message() default "must be an IANA time zone such as Europe/Berlin";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<TimeZone, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                return !(ZoneId.of(value) instanceof ZoneOffset) && ZoneId.getAvailableZoneIds().contains(value);
            } catch (DateTimeException e) {
                return false;
            }
        }
    }
}
