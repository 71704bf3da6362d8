package org.lifeos.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.ext.web.RoutingContext;
import org.lifeos.gateway.requestid.RequestIds;
import org.lifeos.platform.error.ProblemReplies;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.net.ClientAddress;

/**
 * A token bucket per caller (the token's subject, or the client's address when there is none, as
 * {@link ClientAddress} resolves it behind the ingress: never the ingress's own address, which
 * would put every anonymous caller in one bucket):
 * {@code requestsPerMinute} requests, refilled continuously. Every answer carries
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}; a caller over
 * the limit gets 429 with {@code Retry-After} and nothing reaches a service. Buckets live in this
 * gateway instance: with N replicas behind a balancer a caller gets up to N times the limit.
 */
public final class RateLimiter {

    /** The routing-context key under which authentication leaves the caller's subject. */
    public static final String CALLER_KEY = RateLimiter.class.getName() + ".caller";

    private final long requestsPerMinute;
    private final ClientAddress clients;
    private final Duration idleBefore;
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    public RateLimiter(long requestsPerMinute, ClientAddress clients) {
        this.requestsPerMinute = requestsPerMinute;
        this.clients = clients;
        this.idleBefore = Duration.ofMinutes(2);
    }

    public void handle(RoutingContext ctx) {
        String caller = ctx.get(CALLER_KEY);
        String key = caller != null ? "sub:" + caller : "ip:" + clients.resolve(
                ctx.request().remoteAddress().hostAddress(), ctx.request().headers().getAll("X-Forwarded-For"));
        Entry entry = buckets.computeIfAbsent(key, k -> new Entry(newBucket()));
        entry.lastUsed = System.nanoTime();
        ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
        var headers = ctx.response().headers();
        headers.set("RateLimit-Limit", String.valueOf(requestsPerMinute));
        headers.set("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        headers.set("RateLimit-Reset", String.valueOf(seconds(probe.getNanosToWaitForReset())));
        if (probe.isConsumed()) {
            ctx.next();
            return;
        }
        headers.set("Retry-After", String.valueOf(Math.max(1, seconds(probe.getNanosToWaitForRefill()))));
        ProblemReplies.send(ctx, ProblemType.RATE_LIMITED, "More than " + requestsPerMinute
                + " requests a minute; retry after the number of seconds in Retry-After.", RequestIds.of(ctx));
    }

    /** Forgets callers that have been quiet long enough for their bucket to be full again. */
    public void evictIdle() {
        long cutoff = System.nanoTime() - idleBefore.toNanos();
        buckets.entrySet().removeIf(e -> e.getValue().lastUsed < cutoff);
    }

    int trackedCallers() {
        return buckets.size();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(requestsPerMinute).refillGreedy(requestsPerMinute, Duration.ofMinutes(1)))
                .build();
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private static final class Entry {
        private final Bucket bucket;
        private volatile long lastUsed;

        private Entry(Bucket bucket) {
            this.bucket = bucket;
        }
    }
}
