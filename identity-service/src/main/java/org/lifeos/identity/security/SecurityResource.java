package org.lifeos.identity.security;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.lifeos.identity.user.FirstParty;
import org.lifeos.platform.api.Cursors;
import org.lifeos.platform.api.Page;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.tenancy.Access;
import org.lifeos.platform.tenancy.TenantContext;

/**
 * The caller's own security ledger (Keycloak's sign-ins, failures, sign-outs, refreshes,
 * password changes, lockouts; sudo mode) newest first, and the caller's lockout state as
 * mirrored from Keycloak. Both for LifeOS's own apps only ({@link FirstParty}): where and when
 * the user signs in is not a partner app's business.
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityResource {

    private final SecurityService security;
    private final TenantContext context;

    public SecurityResource(SecurityService security, TenantContext context) {
        this.security = security;
        this.context = context;
    }

    @GET
    @Path("/security-events")
    @Access(resource = "profile", action = "read", scope = FirstParty.ONLY)
    public Page<SecurityService.SecurityEventDto> events(@QueryParam("limit") Integer limit,
                                                         @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        int size = Cursors.limit(limit);
        Instant beforeTime = Instant.parse("9999-12-31T23:59:59Z");
        UUID beforeId = new UUID(-1L, -1L);
        if (cursor != null && !cursor.isBlank()) {
            List<String> keyset = Cursors.decode(cursor, 2);
            try {
                beforeTime = Instant.parse(keyset.get(0));
                beforeId = UUID.fromString(keyset.get(1));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw ProblemException.badField("cursor", "is not a cursor this list produced");
            }
        }
        List<SecurityService.SecurityEventDto> fetched = security.events(context.userId(), beforeTime, beforeId, size + 1);
        if (fetched.size() <= size) {
            return new Page<>(fetched, null);
        }
        List<SecurityService.SecurityEventDto> items = List.copyOf(fetched.subList(0, size));
        SecurityService.SecurityEventDto last = items.get(size - 1);
        String next = Cursors.encode(List.of(last.occurredAt().toString(), last.id().toString()));
        return new Page<>(items, Page.next(uri, next));
    }

    @GET
    @Path("/security-state")
    @Access(resource = "profile", action = "read", scope = FirstParty.ONLY)
    public SecurityService.SecurityStateDto state() {
        return security.state(context.userId());
    }
}
