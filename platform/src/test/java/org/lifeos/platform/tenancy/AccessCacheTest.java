package org.lifeos.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
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
 * questions it is asked and can hold its answers back: the cache holds at most its maximum size,
 * uses a decision until its TTL and renews it in the background past half of it, lets requests
 * that miss at the same time share one question, and forgets a circle's decisions when an
 * identity.membership event names it. Time is the test's own clock.
 */
class AccessCacheTest {

    private static final Duration TTL = Duration.ofSeconds(5);

    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    /** Answers held back while {@link #holding}; {@link #release()} sends them. */
    private final List<Runnable> heldAnswers = new CopyOnWriteArrayList<>();
    private volatile boolean holding;
    private volatile boolean allow = true;
    private volatile Status failWith;
    private Server server;
    private ManagedChannel channel;
    private final UUID user = UUID.randomUUID();
    private final UUID circle = UUID.randomUUID();
    /** Keeps up to 100 decisions. */
    private AccessClient client;

    @BeforeEach
    void startIdentity() throws IOException {
        String name = "access-" + UUID.randomUUID();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(new AccessServiceGrpc.AccessServiceImplBase() {
            @Override
            public void check(CheckRequest request, StreamObserver<CheckResponse> answer) {
                asked.incrementAndGet();
                Runnable reply = () -> {
                    if (failWith != null) {
                        answer.onError(failWith.asRuntimeException());
                        return;
                    }
                    answer.onNext(CheckResponse.newBuilder().setCircleId(request.getCircleId()).setMember(allow)
                            .setAllowed(allow).setRole("owner").build());
                    answer.onCompleted();
                };
                if (holding) {
                    heldAnswers.add(reply);
                } else {
                    reply.run();
                }
            }
        }).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        client = client(100);
    }

    @AfterEach
    void stopIdentity() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void theCacheNeverHoldsMoreDecisionsThanItsMaximumSize() {
        AccessClient small = client(3);
        for (int i = 0; i < 50; i++) {
            check(small, UUID.randomUUID(), circle);
        }
        assertEquals(50, asked.get());
        assertTrue(small.cachedDecisions() <= 3, "cached: " + small.cachedDecisions());
    }

    @Test
    void aDecisionIsUsedUntilItsTtlAndThenAskedForAgain() {
        check(client, user, circle);
        advance(TTL.dividedBy(2).minusMillis(1));
        check(client, user, circle);
        assertEquals(1, asked.get(), "asked once within the first half of the TTL");
        advance(TTL.dividedBy(2).plusMillis(1));
        holding = true;
        CompletableFuture<AccessDecision> afterTtl = start(client, user, circle);
        assertEquals(2, asked.get(), "asked again at the TTL");
        assertFalse(afterTtl.isDone(), "an expired decision is not used while the new answer is on its way");
        release();
        assertTrue(get(afterTtl).allowed());
    }

    @Test
    void pastHalfItsTtlADecisionAnswersAtOnceAndIsRenewedInTheBackground() {
        check(client, user, circle);
        advance(TTL.multipliedBy(6).dividedBy(10));
        holding = true;
        CompletableFuture<AccessDecision> renewing = start(client, user, circle);
        assertTrue(renewing.isDone() && get(renewing).allowed(), "the held decision answered without waiting");
        assertEquals(2, asked.get(), "and the decision is being asked for again");
        assertTrue(start(client, user, circle).isDone());
        assertEquals(2, asked.get(), "one renewal at a time");
        release();
        holding = false;
        advance(TTL.multipliedBy(45).dividedBy(100)); // past the first answer's TTL, in the renewal's first half
        check(client, user, circle);
        assertEquals(2, asked.get(), "the renewed decision is used");
    }

    @Test
    void aRefusalOnRenewalRemovesTheDecision() {
        check(client, user, circle);
        advance(TTL.multipliedBy(6).dividedBy(10));
        allow = false; // removed from the circle; the membership event has not arrived
        assertTrue(check(client, user, circle).allowed(), "the held decision answered while renewing");
        assertFalse(check(client, user, circle).allowed(), "the refusal replaced it");
        assertEquals(3, asked.get(), "a refusal is not kept");
    }

    @Test
    void requestsThatMissTogetherShareOneQuestion() {
        holding = true;
        List<CompletableFuture<AccessDecision>> waiting = IntStream.range(0, 10).mapToObj(i -> start(client, user, circle))
                .toList();
        assertEquals(1, asked.get());
        assertTrue(waiting.stream().noneMatch(CompletableFuture::isDone));
        release();
        assertTrue(waiting.stream().allMatch(answer -> get(answer).allowed()));
        check(client, user, circle);
        assertEquals(1, asked.get(), "and the answer is kept");
    }

    @Test
    void aFailureReachesEveryRequestThatWaitedAndIsNotKept() {
        holding = true;
        failWith = Status.UNAVAILABLE;
        CompletableFuture<AccessDecision> first = start(client, user, circle);
        CompletableFuture<AccessDecision> second = start(client, user, circle);
        release();
        for (CompletableFuture<AccessDecision> answer : List.of(first, second)) {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> answer.get(5, TimeUnit.SECONDS));
            assertInstanceOf(StatusRuntimeException.class, failure.getCause());
        }
        failWith = null;
        holding = false;
        assertTrue(check(client, user, circle).allowed());
        assertEquals(2, asked.get(), "asked once for both, then again");
    }

    @Test
    void aMembershipEventForgetsTheCirclesDecisionsAndKeepsOthers() {
        UUID changed = UUID.randomUUID();
        UUID untouched = UUID.randomUUID();
        check(client, user, changed);
        check(client, user, untouched);
        membershipChanged(client, changed, user);
        check(client, user, changed);
        check(client, user, untouched);
        assertEquals(3, asked.get(), "only the changed circle is asked about again");
    }

    @Test
    void anAnswerAskedForBeforeAMembershipEventIsPassedOnButNotKept() {
        holding = true;
        CompletableFuture<AccessDecision> waiting = start(client, user, circle);
        membershipChanged(client, circle, user);
        release();
        holding = false;
        assertTrue(get(waiting).allowed(), "the request that asked before the event gets its answer");
        check(client, user, circle);
        assertEquals(2, asked.get(), "the next request asks again");
    }

    @Test
    void aRefusalIsNeverCachedSoANewMemberGetsInAtOnce() {
        allow = false;
        assertFalse(check(client, user, circle).allowed());
        allow = true; // the invitation was accepted; the membership event has not arrived yet
        assertTrue(check(client, user, circle).allowed());
        assertEquals(2, asked.get());
    }

    private AccessClient client(long maxSize) {
        return new AccessClient(new IdentityAccess(new AccessServiceClient("access", channel, (n, stub) -> stub)), TTL,
                maxSize, clock::get);
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }

    private void release() {
        List<Runnable> answers = List.copyOf(heldAnswers);
        heldAnswers.clear();
        answers.forEach(Runnable::run);
    }

    private static void membershipChanged(AccessClient client, UUID circle, UUID user) {
        new MembershipCacheInvalidation(client, "test").handle(new EventEnvelope<>(UUID.randomUUID(), "member.removed",
                Instant.now(), circle, user, new ObjectMapper().createObjectNode().put("circleId", circle.toString())));
    }

    private static AccessDecision get(CompletableFuture<AccessDecision> answer) {
        try {
            return answer.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<AccessDecision> start(AccessClient client, UUID user, UUID circle) {
        return client.check(Caller.newBuilder().setUserId(user.toString()).build(), "token", Optional.of(circle), "tasks",
                "read").subscribeAsCompletionStage();
    }

    private static AccessDecision check(AccessClient client, UUID user, UUID circle) {
        return get(start(client, user, circle));
    }
}
