package org.lifeos.planning.crud;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;
import org.lifeos.platform.api.ETags;

/**
 * A PUT to a thing's own address that creates it (201) or replaces it (200): a KPI's week, a
 * user's daily plan or metrics of a date. {@link #of} loads-or-makes the row and checks
 * {@code If-Match} against an existing one; {@link #response} answers with the ETag, and with a
 * Location (the address that was PUT to) when the row is new.
 *
 * @param row     the row to write, already persistent unless {@code created}
 * @param created whether the PUT makes it (the caller persists it then)
 */
public record Upsert<E>(E row, boolean created) {

    /**
     * {@code existing} when there is one and {@code ifMatch} allows writing over it (else 412), or
     * a {@code fresh} row, not yet persisted.
     */
    public static <E> Upsert<E> of(Optional<E> existing, String ifMatch, ToLongFunction<E> version,
                                   Supplier<E> fresh) {
        return existing.map(row -> new Upsert<>(ETags.matching(row, ifMatch, version), false))
                .orElseGet(() -> new Upsert<>(fresh.get(), true));
    }

    /** 201 with Location, or 200; either with the row as {@code view} shows it and its weak ETag. */
    public <V> RestResponse<V> response(UriInfo uri, Function<E, V> view, ToLongFunction<E> version) {
        RestResponse.ResponseBuilder<V> answer = created
                ? RestResponse.ResponseBuilder.created(uri.getAbsolutePath())
                : RestResponse.ResponseBuilder.ok();
        return answer.entity(view.apply(row)).tag(ETags.tag(version.applyAsLong(row))).build();
    }
}
