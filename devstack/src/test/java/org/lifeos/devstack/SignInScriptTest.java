package org.lifeos.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.KeycloakUsers;
import org.lifeos.devstack.testing.TestStack;

/**
 * {@code devstack/sign-in.sh}, which the READMEs give for sudo actions, signs in through the real
 * Keycloak's login form and prints a token that carries auth_time; a refused sign-in prints no
 * token and says why.
 */
class SignInScriptTest {

    private static final Path SCRIPT = Path.of("sign-in.sh").toAbsolutePath();

    @Test
    void printsAnAccessTokenThatSaysWhenTheUserSignedIn() throws Exception {
        String username = "sudo-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = KeycloakUsers.create(TestStack.keycloak(), username, "a-long-dev-password-1", "Sue");
        Instant before = Instant.now().minusSeconds(5);

        Result result = run(username, "a-long-dev-password-1");

        assertEquals(0, result.exit(), result.stderr());
        JsonNode claims = KeycloakComponentTest.claims(result.stdout().strip());
        assertEquals(id.toString(), claims.get("sub").asText());
        assertEquals("lifeos-web", claims.get("azp").asText());
        assertTrue(claims.hasNonNull("auth_time"), "a browser sign-in says when it happened: " + claims);
        assertTrue(Instant.ofEpochSecond(claims.get("auth_time").asLong()).isAfter(before), claims.toString());
    }

    @Test
    void aWrongPasswordPrintsNoTokenAndSaysWhy() throws Exception {
        String username = "nosudo-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakUsers.create(TestStack.keycloak(), username, "a-long-dev-password-1", "Noah");

        Result result = run(username, "not-the-password");

        assertEquals(1, result.exit());
        assertEquals("", result.stdout());
        assertTrue(result.stderr().contains("did not sign '" + username + "' in"), result.stderr());
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(String username, String password) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), username, password);
        builder.environment().put("KEYCLOAK_URL", TestStack.keycloak().url());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sign-in.sh did not finish within 60 s");
        }
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
