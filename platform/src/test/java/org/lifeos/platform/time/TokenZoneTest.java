package org.lifeos.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class TokenZoneTest {

    @Test
    void theZoneinfoClaimIsTheZoneWhenJavaKnowsIt() {
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), TokenZone.of(token("Europe/Berlin")));
        assertEquals(Optional.of(ZoneId.of("Asia/Tokyo")), TokenZone.of(token("  Asia/Tokyo ")));
    }

    @Test
    void noClaimABlankOneOrAnUnknownZoneIsNoZone() {
        assertEquals(Optional.empty(), TokenZone.of(token(null)));
        assertEquals(Optional.empty(), TokenZone.of(token("   ")));
        assertEquals(Optional.empty(), TokenZone.of(token("Mars/Olympus_Mons")));
        assertEquals(Optional.empty(), TokenZone.of(null));
    }

    private static JsonWebToken token(String zoneinfo) {
        Map<String, Object> claims = new HashMap<>();
        if (zoneinfo != null) {
            claims.put("zoneinfo", zoneinfo);
        }
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
