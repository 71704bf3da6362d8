package org.lifeos.platform.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The one reading of an Authorization header: the gateway, the HTTP mechanisms and gRPC all use it. */
class ApiKeyTokensTest {

    private static final String KEY = ApiKeyTokens.PREFIX + "a".repeat(43);

    @Test
    void theBearerSchemeIsReadInAnyCaseAndTheTokenTrimmed() {
        assertEquals("eyJ.x.y", ApiKeyTokens.bearer("Bearer eyJ.x.y"));
        assertEquals("eyJ.x.y", ApiKeyTokens.bearer("bearer   eyJ.x.y  "));
        assertEquals("eyJ.x.y", ApiKeyTokens.bearer("BEARER eyJ.x.y"));
    }

    @Test
    void noTokenWithoutTheBearerSchemeOrWithAnEmptyOne() {
        assertNull(ApiKeyTokens.bearer(null));
        assertNull(ApiKeyTokens.bearer("Basic YWxpY2U6c2VjcmV0"));
        assertNull(ApiKeyTokens.bearer("Bearer"));
        assertNull(ApiKeyTokens.bearer("Bearer    "));
        assertNull(ApiKeyTokens.bearer("Bearereyj.x.y"));
    }

    @Test
    void aPersonalAccessTokenIsAnApiKeyAndNeverAnAccessToken() {
        assertEquals(KEY, ApiKeyTokens.apiKey("Bearer " + KEY));
        assertNull(ApiKeyTokens.accessToken("Bearer " + KEY));
        assertEquals("eyJ.x.y", ApiKeyTokens.accessToken("Bearer eyJ.x.y"));
        assertNull(ApiKeyTokens.apiKey("Bearer eyJ.x.y"));
    }

    @Test
    void aBarePrefixOrAnOverlongKeyIsNotAnApiKey() {
        assertNull(ApiKeyTokens.apiKey("Bearer " + ApiKeyTokens.PREFIX));
        assertNull(ApiKeyTokens.apiKey("Bearer " + ApiKeyTokens.PREFIX + "a".repeat(200)));
    }
}
