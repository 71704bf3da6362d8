package org.lifeos.planning.query;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Hands the {@code authorization} metadata of a PlanningQuery call to the service through the
 * call's {@link Context}. It only carries the header; {@link QueryCaller} verifies it.
 */
@ApplicationScoped
public class BearerToken implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final Context.Key<String> TOKEN = Context.key("lifeos-planning-bearer-token");

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        String header = headers.get(AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                : null;
        return Contexts.interceptCall(Context.current().withValue(TOKEN, token), call, headers, next);
    }
}
