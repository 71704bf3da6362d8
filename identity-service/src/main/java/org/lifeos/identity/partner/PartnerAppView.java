package org.lifeos.identity.partner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered partner app; {@code clientSecret} only in the answers that create or rotate it. */
public record PartnerAppView(UUID id, String name, String clientId, List<String> redirectUris, List<String> scopes,
                            Instant createdAt, Instant secretRotatedAt,
                            @com.fasterxml.jackson.annotation.JsonInclude(
                                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String clientSecret) {

    static PartnerAppView of(PartnerApp app) {
        return withSecret(app, null);
    }

    static PartnerAppView withSecret(PartnerApp app, String secret) {
        return new PartnerAppView(app.id(), app.name(), app.clientId(), app.redirectUris(), app.scopes(),
                app.createdAt(), app.secretRotatedAt(), secret);
    }
}
