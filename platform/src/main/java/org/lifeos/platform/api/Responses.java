package org.lifeos.platform.api;

import java.net.URI;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * The answers a resource gives for one versioned thing: 200 with its ETag, 201 with its ETag and
 * a Location under the collection that was posted to. Typed ({@link RestResponse}), so the
 * OpenAPI document knows the body's schema. The Location is absolute, on the API's public address
 * ({@link PublicBaseUri} has put it on the request).
 */
public final class Responses {

    private Responses() {
    }

    /** 200 with {@code view} and the weak ETag of {@code version}. */
    public static <T> RestResponse<T> ok(T view, long version) {
        return RestResponse.ResponseBuilder.ok(view).tag(ETags.tag(version)).build();
    }

    /** 201 for a thing created by a POST to its collection: Location is the request path + {@code id}. */
    public static <T> RestResponse<T> created(UriInfo uri, Object id, T view, long version) {
        return RestResponse.ResponseBuilder.<T>created(location(uri, id)).tag(ETags.tag(version)).entity(view).build();
    }

    /** 201 for a thing that carries no version (an append-only record). */
    public static <T> RestResponse<T> created(UriInfo uri, Object id, T view) {
        return RestResponse.ResponseBuilder.<T>created(location(uri, id)).entity(view).build();
    }

    /** 201 for a thing created by a PUT to its own address: Location is the request path. */
    public static <T> RestResponse<T> createdHere(UriInfo uri, T view, long version) {
        return RestResponse.ResponseBuilder.<T>created(uri.getAbsolutePath()).tag(ETags.tag(version)).entity(view)
                .build();
    }

    private static URI location(UriInfo uri, Object id) {
        return uri.getAbsolutePathBuilder().path(String.valueOf(id)).build();
    }
}
