package org.lifeos.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * One load of the bench, set by system properties (the harness runs each in a JVM of its own):
 * {@code bench.baseUrl}, {@code bench.token}, {@code bench.operation} ({@code list}, {@code create}
 * or {@code mixed}: 80 % lists, 20 % creates), {@code bench.domain} (for create and mixed), {@code bench.seconds}, and either
 * {@code bench.users} (closed model: that many users, each looping with its own kept-alive
 * connection) or {@code bench.rate} (open model: that many new requests per second, reached over
 * {@code bench.rampSeconds} first when given, then held for {@code bench.seconds}).
 */
public class TasksSimulation extends Simulation {

    private static final AtomicLong COUNTER = new AtomicLong();

    {
        String base = System.getProperty("bench.baseUrl");
        String token = System.getProperty("bench.token");
        String operation = System.getProperty("bench.operation", "list");
        Duration seconds = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
        long users = Long.getLong("bench.users", 0);
        double rate = Double.parseDouble(System.getProperty("bench.rate", "0"));

        HttpProtocolBuilder protocol = http.baseUrl(base).header("Authorization", "Bearer " + token)
                .acceptHeader("application/json").contentTypeHeader("application/json");
        if (rate > 0) {
            protocol = protocol.shareConnections();
        }
        ChainBuilder create = exec(http("create task").post("/api/v1/tasks")
                .body(StringBody(session -> "{\"domainId\":\"" + System.getProperty("bench.domain")
                        + "\",\"title\":\"bench task " + COUNTER.incrementAndGet() + "\"}"))
                .check(status().is(201)));
        ChainBuilder list = exec(http("list tasks").get("/api/v1/tasks?limit=50").check(status().is(200)));
        ChainBuilder request = switch (operation) {
            case "create" -> create;
            case "mixed" -> exec(randomSwitch().on(percent(80.0).then(list), percent(20.0).then(create)));
            default -> list;
        };
        PopulationBuilder population;
        if (rate > 0) {
            ScenarioBuilder once = scenario(operation).exec(request);
            Duration ramp = Duration.ofSeconds(Long.getLong("bench.rampSeconds", 0));
            population = ramp.isZero() ? once.injectOpen(constantUsersPerSec(rate).during(seconds))
                    : once.injectOpen(rampUsersPerSec(1).to(rate).during(ramp), constantUsersPerSec(rate).during(seconds));
        } else {
            ScenarioBuilder loop = scenario(operation).during(seconds).on(request);
            population = loop.injectOpen(atOnceUsers((int) users));
        }
        setUp(population).protocols(protocol).maxDuration(seconds.plusSeconds(10));
    }
}
