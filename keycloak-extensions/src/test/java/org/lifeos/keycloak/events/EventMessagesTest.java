package org.lifeos.keycloak.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.lifeos.contracts.keycloak.KeycloakEvent;

class EventMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "5b7f3c1e-8a2d-4c6b-9e0f-1a2b3c4d5e6f";
    private static final String ADMIN = "0f0e0d0c-0b0a-4908-8706-050403020100";

    @Test
    void aFailedLoginBecomesAnEnvelopeKeyedByTheUserWithNoTenant() throws Exception {
        Event event = userEvent(EventType.LOGIN_ERROR, "invalid_user_credentials",
                Map.of("username", "bob", "grant_type", "password", "auth_method", "openid-connect"));

        EventMessages.Message message = EventMessages.of(event);

        assertEquals(USER, message.key());
        JsonNode value = JSON.readTree(message.value());
        assertEquals("LOGIN_ERROR", value.get("type").asText());
        assertEquals("2026-11-22T03:00:00Z", value.get("occurredAt").asText());
        assertTrue(value.get("tenantId").isNull(), "a security event belongs to a person, not a circle");
        assertEquals(USER, value.get("actorId").asText());
        JsonNode payload = value.get("payload");
        assertEquals("user", payload.get("source").asText());
        assertEquals("lifeos", payload.get("realm").asText());
        assertEquals("lifeos-web", payload.get("clientId").asText());
        assertEquals("203.0.113.7", payload.get("ipAddress").asText());
        assertEquals("invalid_user_credentials", payload.get("error").asText());
        assertEquals("bob", payload.get("details").get("username").asText());
        assertEquals("kc-event-1", payload.get("keycloakEventId").asText());
    }

    @Test
    void theRequestsUserAgentTravelsWithTheEventCutToItsLimit() throws Exception {
        Event event = userEvent(EventType.LOGIN, null, Map.of("grant_type", "password"));

        JsonNode withAgent = JSON.readTree(EventMessages.of(event, "  Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0 ")
                .value()).get("payload");
        assertEquals("Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0", withAgent.get("userAgent").asText());
        JsonNode longAgent = JSON.readTree(EventMessages.of(event, "x".repeat(2000)).value()).get("payload");
        assertEquals(512, longAgent.get("userAgent").asText().length());
        assertTrue(JSON.readTree(EventMessages.of(event).value()).get("payload").get("userAgent").isNull());
    }

    @Test
    void theEventIdIsStableAcrossDeliveriesAndDiffersPerKeycloakEvent() throws Exception {
        Event event = userEvent(EventType.LOGIN, null, Map.of());
        String first = JSON.readTree(EventMessages.of(event).value()).get("eventId").asText();
        String again = JSON.readTree(EventMessages.of(event).value()).get("eventId").asText();
        event.setId("kc-event-2");
        String other = JSON.readTree(EventMessages.of(event).value()).get("eventId").asText();

        assertEquals(first, again);
        assertNotEquals(first, other);
        assertEquals(UUID.nameUUIDFromBytes("keycloak:user:kc-event-1".getBytes()).toString(), first);
    }

    @Test
    void aLoginErrorForAnUnknownUsernameHasNoKeyAndNoActor() throws Exception {
        Event event = userEvent(EventType.LOGIN_ERROR, "user_not_found", Map.of("username", "nobody"));
        event.setUserId(null);

        EventMessages.Message message = EventMessages.of(event);

        assertNull(message.key());
        assertTrue(JSON.readTree(message.value()).get("actorId").isNull());
    }

    @Test
    void aReusedRefreshTokenKeepsKeycloaksErrorAndReasonAndNamesTheTokensSubject() throws Exception {
        // As Keycloak 26.7 sends it: no user id, the subject only in refresh_token_sub.
        Event event = userEvent(EventType.REFRESH_TOKEN_ERROR, "invalid_token",
                Map.of("reason", "Maximum allowed refresh token reuse exceeded", "refresh_token_sub", USER));
        event.setUserId(null);

        EventMessages.Message message = EventMessages.of(event);
        JsonNode value = JSON.readTree(message.value());
        JsonNode payload = value.get("payload");

        assertEquals(USER, message.key());
        assertEquals(USER, value.get("actorId").asText());
        assertEquals(USER, payload.get("subjectUserId").asText());

        assertEquals("invalid_token", payload.get("error").asText());
        assertEquals("Maximum allowed refresh token reuse exceeded", payload.get("details").get("reason").asText());
    }

    @Test
    void anAdminClearingALockoutNamesTheAdminAsActorAndTheUserAsKey() throws Exception {
        AdminEvent event = new AdminEvent();
        event.setId("kc-admin-1");
        event.setTime(1_795_316_400_000L);
        event.setRealmId("realm-id");
        event.setRealmName("lifeos");
        event.setOperationType(OperationType.DELETE);
        event.setResourceType(ResourceType.USER_LOGIN_FAILURE);
        event.setResourcePath("attack-detection/brute-force/users/" + USER);
        event.setRepresentation("{\"credentials\":[{\"value\":\"secret\"}]}");
        AuthDetails auth = new AuthDetails();
        auth.setUserId(ADMIN);
        auth.setClientId("identity-service");
        auth.setIpAddress("10.0.0.5");
        event.setAuthDetails(auth);

        EventMessages.Message message = EventMessages.of(event);

        assertEquals(USER, message.key());
        JsonNode value = JSON.readTree(message.value());
        assertEquals("ADMIN_USER_LOGIN_FAILURE_DELETE", value.get("type").asText());
        assertEquals(ADMIN, value.get("actorId").asText());
        assertEquals(USER, value.get("payload").get("subjectUserId").asText());
        assertEquals("admin", value.get("payload").get("source").asText());
        assertFalse(message.value().contains("secret"), "the representation never leaves Keycloak");
    }

    @Test
    void thePayloadReadsBackAsTheContractsRecordThatIdentityConsumes() throws Exception {
        Event event = userEvent(EventType.LOGIN_ERROR, "invalid_user_credentials", Map.of("username", "bob"));

        JsonNode payload = JSON.readTree(EventMessages.of(event, "Firefox").value()).get("payload");
        KeycloakEvent read = JSON.treeToValue(payload, KeycloakEvent.class);

        assertEquals(KeycloakEvent.user("kc-event-1", "lifeos", "realm-id", "lifeos-web", USER, USER, "session-1",
                "203.0.113.7", "Firefox", "invalid_user_credentials", Map.of("username", "bob")), read);
        assertFalse(read.byAdmin());
        assertFalse(payload.has("byAdmin"), "only the record's components go on the wire");
    }

    @Test
    void onlyUserResourcePathsNameASubject() {
        assertEquals(USER, EventMessages.subjectUser("users/" + USER + "/reset-password"));
        assertEquals(USER, EventMessages.subjectUser("users/" + USER));
        assertNull(EventMessages.subjectUser("clients/" + USER));
        assertNull(EventMessages.subjectUser(null));
    }

    private static Event userEvent(EventType type, String error, Map<String, String> details) {
        Event event = new Event();
        event.setId("kc-event-1");
        event.setTime(1_795_316_400_000L);
        event.setType(type);
        event.setRealmId("realm-id");
        event.setRealmName("lifeos");
        event.setClientId("lifeos-web");
        event.setUserId(USER);
        event.setSessionId("session-1");
        event.setIpAddress("203.0.113.7");
        event.setError(error);
        event.setDetails(details);
        return event;
    }
}
