package org.lifeos.identity.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.lifeos.devstack.testing.RealInfrastructure;
import org.lifeos.identity.support.Api;
import org.lifeos.identity.support.TestUser;
import org.lifeos.platform.apikey.ResolvedApiKey;

/**
 * A lookup that read a key just before its revocation committed, and caches it just after the
 * revocation's eviction ran, must not keep the revoked key working for the cache's lifetime. The
 * interleaving is forced: the lookup's database read is held after its rows arrived (a data
 * source that pauses there) while the key is revoked and evicted, then let go.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ApiKeyRevocationRaceTest {

    @Inject
    DataSource dataSource;
    @Inject
    @CacheName(ApiKeyResolution.CACHE)
    Cache cache;
    @Inject
    ObjectMapper json;

    @Test
    void aKeyReadBeforeItsRevocationIsNotCachedAfterIt() throws Exception {
        TestUser ida = TestUser.named("ida");
        Api.signIn(ida);
        Map<String, Object> made = ida.api().body(Map.of("name", "race", "scopes", List.of("identity:read")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().as(Map.class);
        String token = (String) made.get("token");
        UUID keyId = UUID.fromString((String) made.get("id"));

        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        ApiKeyResolution resolution = new ApiKeyResolution(pausingAfterRead(dataSource, read, go), cache, json,
                Duration.ofMinutes(1));
        CompletableFuture<Optional<ResolvedApiKey>> lookup = CompletableFuture.supplyAsync(
                () -> resolution.resolveNow(token, null));
        assertTrue(read.await(30, TimeUnit.SECONDS), "the lookup read the key");

        // The revocation commits and its eviction runs while the lookup still holds what it read.
        ida.api().delete("/api/v1/api-keys/{id}", keyId).then().statusCode(204);
        resolution.evict(keyId);
        go.countDown();
        assertTrue(lookup.get(30, TimeUnit.SECONDS).isPresent(), "the lookup that began before the revocation answers");

        assertEquals(Optional.empty(), resolution.resolveNow(token, null), "the next lookup finds the key revoked");
    }

    /** {@code source}, whose statements hold their caller after a query returned, once, until {@code go}. */
    private static DataSource pausingAfterRead(DataSource source, CountDownLatch read, CountDownLatch go) {
        InvocationHandler dataSource = (proxy, method, args) -> {
            Object result = invoke(source, method, args);
            return result instanceof Connection connection ? proxy(Connection.class, (p, m, a) -> {
                Object made = invoke(connection, m, a);
                return made instanceof PreparedStatement statement ? proxy(PreparedStatement.class, (q, n, b) -> {
                    Object answer = invoke(statement, n, b);
                    if (n.getName().equals("executeQuery") && read.getCount() > 0) {
                        read.countDown();
                        go.await(30, TimeUnit.SECONDS);
                    }
                    return answer;
                }) : made;
            }) : result;
        };
        return proxy(DataSource.class, dataSource);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(ApiKeyRevocationRaceTest.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
