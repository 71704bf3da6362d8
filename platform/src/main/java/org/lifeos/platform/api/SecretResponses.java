package org.lifeos.platform.api;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Cache-Control: no-store} on every answer of a {@link SecretResponse} method, set here once
 * so that no endpoint can forget it (and problems from such an endpoint carry it as well).
 */
public class SecretResponses {

    @ServerResponseFilter
    public void noStore(ResourceInfo resource, ContainerResponseContext response) {
        if (isSecret(resource)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    static boolean isSecret(ResourceInfo resource) {
        return resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(SecretResponse.class);
    }
}
