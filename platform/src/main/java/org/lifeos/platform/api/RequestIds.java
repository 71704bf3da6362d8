package org.lifeos.platform.api;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.lifeos.platform.error.Problems;

/**
 * Carries the request id the gateway assigned (or makes one) into the logs and back to the
 * caller, so one id follows a request through every service.
 */
public class RequestIds {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = wellFormed(request.getHeaderString(Problems.REQUEST_ID_HEADER));
        if (id == null) {
            id = UUID.randomUUID().toString();
        }
        request.setProperty(Problems.REQUEST_ID_HEADER, id);
        MDC.put("requestId", id);
    }

    /** {@code id} if it is a request id this service repeats (letters, digits, {@code ._:-}, at most 128), else null. */
    public static String wellFormed(String id) {
        return id != null && SAFE.matcher(id).matches() ? id : null;
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(Problems.REQUEST_ID_HEADER);
        if (id != null) {
            response.getHeaders().putSingle(Problems.REQUEST_ID_HEADER, id);
        }
        MDC.remove("requestId");
    }
}
