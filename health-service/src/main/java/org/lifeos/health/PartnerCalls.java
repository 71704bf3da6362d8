package org.lifeos.health;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * Partner apps (tokens of clients other than LifeOS's own) are wearable sources here and nothing
 * more: whatever scopes they hold, they may register a device of their own and ingest its samples
 * ({@code POST /api/v1/wearables/devices}, {@code POST /api/v1/wearables/samples}), and read
 * nothing. Runs after the platform's access filter, which has already checked the token's scope
 * ({@code health:write}) and the member's circle.
 */
public class PartnerCalls {

    private final TenantContext context;

    public PartnerCalls(TenantContext context) {
        this.context = context;
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response onlyWearableIngest(ContainerRequestContext request) {
        if (!context.isSet() || context.firstParty()) {
            return null;
        }
        String path = request.getUriInfo().getPath().replaceAll("^/+|/+$", "");
        boolean ingest = "POST".equals(request.getMethod())
                && (path.equals("api/v1/wearables/samples") || path.equals("api/v1/wearables/devices"));
        if (!ingest) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A partner app may only register its devices and "
                    + "ingest their samples here");
        }
        return null;
    }
}
