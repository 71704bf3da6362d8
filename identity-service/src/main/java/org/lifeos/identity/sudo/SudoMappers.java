package org.lifeos.identity.sudo;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.error.Problems;

/**
 * 401 problem+json with the step-up challenge of RFC 9470: the client signs the user in again
 * (e.g. {@code prompt=login&max_age=300}) and retries with the new token.
 */
public class SudoMappers {

    public static final String CHALLENGE = "Bearer error=\"insufficient_user_authentication\", max_age="
            + SudoMode.MAX_AGE.toSeconds();

    @ServerExceptionMapper
    public Response sudoRequired(SudoRequired e, ContainerRequestContext request) {
        return Response.fromResponse(Problems.response(ProblemType.UNAUTHORIZED, e.getMessage(), request))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }
}
