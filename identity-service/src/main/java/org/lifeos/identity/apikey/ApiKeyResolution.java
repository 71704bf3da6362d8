package org.lifeos.identity.apikey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lifeos.platform.apikey.ApiKeyResolver;
import org.lifeos.platform.apikey.ApiKeyTokens;
import org.lifeos.platform.apikey.ResolvedApiKey;

/**
 * Who a personal access token acts for, answered from identity-service's own database: for its
 * own REST requests and gRPC calls (this bean replaces the platform's gRPC resolver here) and for
 * every other service and the gateway through {@code AccessService.ResolveApiKey}.
 *
 * <p>Active keys are cached by hash for {@code lifeos.api-keys.cache-ttl} (quarkus-cache
 * {@value #CACHE}); revoking a key evicts it ({@link #evict}) after the revocation committed, so the
 * next request with it is refused — on every replica, which {@link ApiKeyRevocations} tells. Unknown, revoked and expired tokens are never cached. A key's use
 * (time and client address) is written at most once per {@code lifeos.api-keys.touch-every} per key.
 */
@ApplicationScoped
public class ApiKeyResolution implements ApiKeyResolver {

    public static final String CACHE = "api-keys";
    private static final Logger LOG = Logger.getLogger(ApiKeyResolution.class);
    private static final TypeReference<Set<String>> SCOPES = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final CaffeineCache cache;
    private final ObjectMapper json;
    private final Duration touchEvery;
    private final ConcurrentHashMap<UUID, Instant> touched = new ConcurrentHashMap<>();
    /** Counts evictions, so a lookup that read a key while one ran does not cache what it read. */
    private final AtomicLong evictions = new AtomicLong();

    public ApiKeyResolution(DataSource dataSource, @CacheName(CACHE) Cache cache, ObjectMapper json,
                            @ConfigProperty(name = "lifeos.api-keys.touch-every", defaultValue = "60s") Duration touchEvery) {
        this.dataSource = dataSource;
        this.cache = cache.as(CaffeineCache.class);
        this.json = json;
        this.touchEvery = touchEvery;
    }

    @Override
    public Uni<Optional<ResolvedApiKey>> resolve(String token, String clientAddress) {
        return Uni.createFrom().item(() -> resolveNow(token, clientAddress))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Blocking: the key when it is known, not revoked and not expired; records the use (throttled). */
    public Optional<ResolvedApiKey> resolveNow(String token, String clientAddress) {
        if (!ApiKeyTokens.isApiKey(token)) {
            return Optional.empty();
        }
        String hash = HexFormat.of().formatHex(ApiKeyService.sha256(token));
        CompletableFuture<ResolvedApiKey> entry = cache.getIfPresent(hash);
        ResolvedApiKey key = entry == null ? null : entry.getNow(null);
        if (key == null) {
            long generation = evictions.get();
            key = load(HexFormat.of().parseHex(hash)).orElse(null);
            if (key == null) {
                return Optional.empty();
            }
            cache.put(hash, CompletableFuture.completedFuture(key));
            if (evictions.get() != generation) {
                // A revocation was evicted while this key was being read: what was read may be the
                // key from before it, and put after the eviction it would stay cached for the TTL.
                // (An eviction counted after this check runs after the put, so it removes it.)
                cache.invalidate(hash).await().indefinitely();
            }
        }
        if (key.expiresAt() != null && !key.expiresAt().isAfter(Instant.now())) {
            return Optional.empty();
        }
        touch(key.keyId(), clientAddress);
        return Optional.of(key);
    }

    /** Forgets a key at once (revoked). */
    public void evict(UUID keyId) {
        evictions.incrementAndGet();
        cache.invalidateIf(k -> {
            CompletableFuture<ResolvedApiKey> entry = cache.getIfPresent(k);
            ResolvedApiKey key = entry == null ? null : entry.getNow(null);
            return key == null || key.keyId().equals(keyId);
        }).await().indefinitely();
    }

    /** Forgets every cached key (revocations may have gone unheard: see {@link ApiKeyRevocations}). */
    public void evictAll() {
        evictions.incrementAndGet();
        cache.invalidateAll().await().indefinitely();
    }

    private Optional<ResolvedApiKey> load(byte[] hash) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, owner_id, scopes, expires_at, revoked_at FROM api_key_by_hash(?)")) {
            select.setBytes(1, hash);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getObject("revoked_at") != null) {
                    return Optional.empty();
                }
                OffsetDateTime expires = row.getObject("expires_at", OffsetDateTime.class);
                return Optional.of(new ResolvedApiKey(row.getObject("owner_id", UUID.class),
                        row.getObject("id", UUID.class), json.readValue(row.getString("scopes"), SCOPES),
                        expires == null ? null : expires.toInstant()));
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Personal access tokens cannot be resolved right now", e);
        }
    }

    private void touch(UUID keyId, String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return; // an inner hop (a service asking identity about its own caller's token) knows no client
        }
        Instant now = Instant.now();
        Instant last = touched.get(keyId);
        if (last != null && last.plus(touchEvery).isAfter(now)) {
            return;
        }
        touched.put(keyId, now);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("SELECT api_key_used(?, ?)")) {
            update.setObject(1, keyId);
            update.setString(2, clientAddress);
            update.execute();
        } catch (SQLException e) {
            LOG.warnf("Could not record the use of personal access token %s: %s", keyId, e.getMessage());
        }
    }
}
