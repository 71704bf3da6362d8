package org.lifeos.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.KeycloakUsers;
import org.lifeos.devstack.testing.TestStack;

/** Keycloak runs with the lifeos-kafka listener: its events arrive on Kafka as LifeOS envelopes. */
class KeycloakEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String USER_AGENT = "LifeOS-devstack-test/1.0 (events)";

    @Test
    void aWrongPasswordPublishesALoginErrorForThatUser() throws Exception {
        KeycloakServer keycloak = TestStack.keycloak();
        String bootstrap = TestStack.kafka().bootstrapServers();
        declareTopic(bootstrap);
        String username = "events-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = KeycloakUsers.create(keycloak, username, "a-long-dev-password-1", "Eve").toString();

        HttpResponse<String> refused = post(keycloak.tokenEndpoint(), null, Map.of("grant_type", "password",
                "client_id", "lifeos-web", "username", username, "password", "not-the-password"));
        assertEquals(400, refused.statusCode(), refused.body());

        JsonNode event = awaitEvent(bootstrap, userId, "LOGIN_ERROR");
        assertEquals(userId, event.get("actorId").asText());
        assertTrue(event.get("tenantId").isNull());
        assertFalse(event.get("eventId").asText().isBlank());
        JsonNode payload = event.get("payload");
        assertEquals("invalid_user_credentials", payload.get("error").asText());
        assertEquals("lifeos-web", payload.get("clientId").asText());
        assertEquals(KeycloakServer.REALM, payload.get("realm").asText());
        assertEquals(username, payload.get("details").get("username").asText());
        assertEquals(USER_AGENT, payload.get("userAgent").asText(), "the request's user agent travels with the event");
    }

    @Test
    void theProviderIsReinstalledOnlyWhenItsContentChanges(@org.junit.jupiter.api.io.TempDir Path providers)
            throws Exception {
        assertTrue(KeycloakServer.installProviders(providers), "first install");
        Path jar = providers.resolve("lifeos-keycloak-extensions.jar");
        java.nio.file.attribute.FileTime installed = Files.getLastModifiedTime(jar);
        assertFalse(KeycloakServer.installProviders(providers), "same content: untouched, so no Keycloak rebuild");
        assertEquals(installed, Files.getLastModifiedTime(jar));
        Files.write(jar, new byte[] {1, 2, 3});
        assertTrue(KeycloakServer.installProviders(providers), "changed content is replaced");
    }

    private static void declareTopic(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(KeycloakServer.EVENTS_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(KeycloakServer.EVENTS_TOPIC, 1, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static JsonNode awaitEvent(String bootstrap, String userId, String type) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("group.id", "devstack-test-" + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(config)) {
            reader.subscribe(List.of(KeycloakServer.EVENTS_TOPIC));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
                    JsonNode value = JSON.readTree(record.value());
                    if (userId.equals(record.key()) && type.equals(value.get("type").asText())) {
                        return value;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " event for " + userId + " on " + KeycloakServer.EVENTS_TOPIC);
    }

    private static HttpResponse<String> post(String url, String bearer, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
