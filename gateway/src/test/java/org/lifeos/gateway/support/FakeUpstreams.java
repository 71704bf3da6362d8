package org.lifeos.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.lifeos.devstack.Ports;

/**
 * Real HTTP servers in place of the five services, so the gateway's shipped routes are exercised
 * as configured and no test ever reaches a service a developer runs on 8081-8085. Also the
 * unhealthy ones: a slow service, a port nobody listens on, and one that fails until a test
 * brings it back.
 */
public final class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SERVICES = List.of("identity", "planning", "finance", "health", "content");

    /** The request timeout the gateway runs with in tests; the slow service is far slower. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
    public static final int FAILURE_THRESHOLD = 3;
    public static final Duration OPEN_DURATION = Duration.ofSeconds(2);

    public static final String SLOW_PREFIX = "/api/v1/test-slow";
    public static final String REFUSED_PREFIX = "/api/v1/test-refused";
    public static final String FLAKY_PREFIX = "/api/v1/test-flaky";

    private static final Map<String, FakeService> RUNNING = new HashMap<>();
    private static int flakyPort;

    /** The fake service standing in for {@code name} (a service from {@link #SERVICES}). */
    public static FakeService service(String name) {
        return RUNNING.get(name);
    }

    /** Lets a test register a service it started itself, so it is stopped with the others. */
    public static void adopt(FakeService service) {
        RUNNING.put(service.name(), service);
    }

    /** The port of the flaky route's service, where nothing listens until a test starts something there. */
    public static int flakyPort() {
        return flakyPort;
    }

    @Override
    public Map<String, String> start() {
        try {
            Map<String, String> config = new HashMap<>();
            for (String name : SERVICES) {
                FakeService service = FakeService.start(name);
                RUNNING.put(name, service);
                config.put("lifeos.gateway.routes." + name + ".upstream", service.url());
            }
            RUNNING.get("identity").publishOpenApi("""
                    {"openapi":"3.1.0","info":{"title":"identity","version":"1"},
                     "paths":{"/api/v1/circles":{"get":{"operationId":"listCircles","responses":{"200":{"description":"ok"}}}}}}
                    """);
            RUNNING.get("planning").publishOpenApi("""
                    {"openapi":"3.1.0","info":{"title":"planning","version":"1"},
                     "paths":{"/api/v1/tasks/{id}":{"get":{"operationId":"getTask","responses":{"200":{"description":"ok"}}}},
                              "/api/v1/not-routed-to-planning":{"get":{"operationId":"stray","responses":{"200":{"description":"ok"}}}}}}
                    """);
            FakeService slow = FakeService.startSlow("slow", REQUEST_TIMEOUT.multipliedBy(5));
            RUNNING.put("slow", slow);
            flakyPort = Ports.spare();
            route(config, "slow", slow.url(), SLOW_PREFIX);
            route(config, "refused", "http://127.0.0.1:" + Ports.spare(), REFUSED_PREFIX);
            route(config, "flaky", "http://127.0.0.1:" + flakyPort, FLAKY_PREFIX);
            config.put("lifeos.gateway.upstream.request-timeout", REQUEST_TIMEOUT.toMillis() + "ms");
            config.put("lifeos.gateway.circuit-breaker.failure-threshold", Integer.toString(FAILURE_THRESHOLD));
            config.put("lifeos.gateway.circuit-breaker.open-duration", OPEN_DURATION.toMillis() + "ms");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        RUNNING.values().forEach(FakeService::close);
        RUNNING.clear();
    }

    private static void route(Map<String, String> config, String name, String upstream, String prefix) {
        config.put("lifeos.gateway.routes." + name + ".upstream", upstream);
        config.put("lifeos.gateway.routes." + name + ".prefixes", prefix);
    }
}
