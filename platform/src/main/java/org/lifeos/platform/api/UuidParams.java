package org.lifeos.platform.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.lifeos.platform.error.ProblemException;

/**
 * Lets resources take {@code @PathParam("id") UUID id} (and query, header, form parameters): a
 * malformed or non-canonical UUID is a 400 naming the parameter, in every service. (JAX-RS would
 * answer 404 for a path parameter it cannot convert, which tells the client the wrong thing.)
 */
@Provider
public class UuidParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != UUID.class) {
            return null;
        }
        String name = name(annotations);
        return (ParamConverter<T>) new ParamConverter<UUID>() {
            @Override
            public UUID fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return Params.optionalUuid(name, value).orElseThrow();
                } catch (ProblemException e) {
                    // A WebApplicationException passes through JAX-RS as it is (anything else
                    // thrown for a path parameter becomes a 404); the mapper answers with e.
                    throw new BadRequestException(e);
                }
            }

            @Override
            public String toString(UUID value) {
                return value.toString();
            }
        };
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
            if (annotation instanceof FormParam form) {
                return form.value();
            }
            if (annotation instanceof CookieParam cookie) {
                return cookie.value();
            }
        }
        return "parameter";
    }
}
