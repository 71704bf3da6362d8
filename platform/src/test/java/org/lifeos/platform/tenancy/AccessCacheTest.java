package org.lifeos.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.cache.runtime.caffeine.CaffeineCacheImpl;
import io.quarkus.cache.runtime.caffeine.CaffeineCacheInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lifeos.contracts.event.EventEnvelope;
import org.lifeos.contracts.identity.v1.AccessServiceClient;
import org.lifeos.contracts.identity.v1.AccessServiceGrpc;
import org.lifeos.contracts.identity.v1.Caller;
import org.lifeos.contracts.identity.v1.CheckRequest;
import org.lifeos.contracts.identity.v1.CheckResponse;

/**
 * AccessClient's decision cache against a real (in-process) gRPC AccessService that counts the
 * questions it is asked: the cache holds at most its maximum size, drops a decision once its TTL
 * has passed (real time: a TTL of 2 s, long enough for two checks on a slow, shared machine), and forgets a circle's decisions when an identity.membership event names it.
 */
class AccessCacheTest {

    private static final Duration TTL = Duration.ofSeconds(2);
    /** For the tests that are not about expiry: long enough that a busy machine never expires a decision mid-test. */
    private static final Duration LONG_TTL = Duration.ofMinutes(5);

    private final AtomicInteger asked = new AtomicInteger();
    private volatile boolean allow = true;
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void startIdentity() throws IOException {
        String name = "access-" + UUID.randomUUID();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(new AccessServiceGrpc.AccessServiceImplBase() {
            @Override
            public void check(CheckRequest request, StreamObserver<CheckResponse> answer) {
                asked.incrementAndGet();
                answer.onNext(CheckResponse.newBuilder().setCircleId(request.getCircleId()).setMember(allow)
                        .setAllowed(allow).setRole("owner").build());
                answer.onCompleted();
            }
        }).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    @AfterEach
    void stopIdentity() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void theCacheNeverHoldsMoreDecisionsThanItsMaximumSize() {
        AccessClient client = client(3);
        UUID circle = UUID.randomUUID();
        for (int i = 0; i < 50; i++) {
            check(client, UUID.randomUUID(), circle);
        }
        assertEquals(50, asked.get());
        // Caffeine evicts past its bound in its own upkeep, moments after the writes.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (client.cachedDecisions() > 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(client.cachedDecisions() <= 3, "cached: " + client.cachedDecisions());
    }

    @Test
    void aDecisionIsServedFromTheCacheUntilItsTtlAndThenDropped() {
        AccessClient client = client(100, TTL);
        UUID user = UUID.randomUUID();
        UUID circle = UUID.randomUUID();
        check(client, user, circle);
        check(client, user, circle);
        assertEquals(1, asked.get(), "asked once within the TTL");
        sleep(TTL.plusMillis(200));
        check(client, user, circle);
        assertEquals(2, asked.get(), "asked again after the TTL");
    }

    @Test
    void aMembershipEventForgetsTheCirclesDecisionsAndKeepsOthers() {
        AccessClient client = client(100);
        UUID user = UUID.randomUUID();
        UUID changed = UUID.randomUUID();
        UUID untouched = UUID.randomUUID();
        check(client, user, changed);
        check(client, user, untouched);
        ObjectMapper json = new ObjectMapper();
        new MembershipCacheInvalidation(client, "test").handle(new EventEnvelope<>(UUID.randomUUID(),
                "member.removed", Instant.now(), changed, user,
                json.createObjectNode().put("circleId", changed.toString())));
        check(client, user, changed);
        check(client, user, untouched);
        assertEquals(3, asked.get(), "only the changed circle is asked about again");
    }

    @Test
    void aRefusalIsNeverCachedSoANewMemberGetsInAtOnce() {
        AccessClient client = client(100);
        UUID user = UUID.randomUUID();
        UUID circle = UUID.randomUUID();
        allow = false;
        assertFalse(check(client, user, circle).allowed());
        allow = true; // the invitation was accepted; the membership event has not arrived yet
        assertTrue(check(client, user, circle).allowed());
        assertEquals(2, asked.get());
    }

    private AccessClient client(long maxSize) {
        return client(maxSize, LONG_TTL);
    }

    private AccessClient client(long maxSize, Duration ttl) {
        // The cache quarkus-cache builds from quarkus.cache.caffeine."access-decisions".*
        CaffeineCacheInfo info = new CaffeineCacheInfo();
        info.name = AccessClient.CACHE;
        info.expireAfterWrite = ttl;
        info.maximumSize = maxSize;
        return new AccessClient(new IdentityAccess(new AccessServiceClient("access", channel, (n, stub) -> stub)),
                new CaffeineCacheImpl(info, false));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static AccessDecision check(AccessClient client, UUID user, UUID circle) {
        return client.check(Caller.newBuilder().setUserId(user.toString()).build(), "token", Optional.of(circle), "tasks",
                "read").await().atMost(Duration.ofSeconds(5));
    }
}
