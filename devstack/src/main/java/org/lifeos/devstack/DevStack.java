package org.lifeos.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The launcher behind {@code make run} and {@code make stop}.
 *
 * <pre>
 *   run    PostgreSQL, then Kafka, Keycloak and the six services; Ctrl-C stops all of it
 *   infra  only PostgreSQL, Kafka and Keycloak (run services yourself, e.g. with quarkus:dev)
 *   stop   stops a stack started from another terminal, and anything a crashed launcher left
 * </pre>
 *
 * Settings are system properties: {@code lifeos.repo.root} (default: the working directory),
 * {@code lifeos.home} (state, default {@code <root>/.lifeos}), {@code lifeos.postgres.port}
 * (25470), {@code lifeos.kafka.port} (9092), {@code lifeos.kafka.controller-port} (9093),
 * {@code lifeos.keycloak.port} (8180), {@code lifeos.keycloak.enabled} (true),
 * {@code lifeos.devstack.full-jit} (false: the broker and the services run with the client
 * compiler only, which halves the services' start on 2 cores; true gives them C2 as in
 * production, e.g. to profile them).
 */
public final class DevStack {

    /** Every Quarkus application of the system and its ports, in start order. */
    public static final Map<String, ServicePorts> SERVICES = services();

    /**
     * A Quarkus application's ports: the public one (REST, gRPC) and the management interface
     * (/q/health, /q/metrics), which {@code make run} keeps apart just as a cluster does.
     */
    public record ServicePorts(int http, int management) {
    }

    private final Path root;
    private final Path home;
    private final Path logs;
    private final Path run;
    private final Deque<Component> started = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean shuttingDown;
    private volatile int exitCode;

    private DevStack(Path root, Path home) {
        this.root = root;
        this.home = home;
        this.logs = home.resolve("logs");
        this.run = home.resolve("run");
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String command = args.length == 0 ? "run" : args[0].toLowerCase(Locale.ROOT);
        Path root = Path.of(System.getProperty("lifeos.repo.root", ".")).toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("lifeos.home", root.resolve(".lifeos").toString())).toAbsolutePath();
        DevStack stack = new DevStack(root, home);
        int exit = switch (command) {
            case "run" -> stack.up(true);
            case "infra" -> stack.up(false);
            case "stop" -> stack.stopOther();
            default -> {
                System.err.println("usage: devstack run|infra|stop");
                yield 2;
            }
        };
        System.exit(exit);
    }

    private int up(boolean withServices) {
        Path ownPid = run.resolve("devstack.pid");
        var running = PidFiles.read(ownPid);
        if (running.isPresent()) {
            System.err.println("LifeOS is already running (launcher pid " + running.get().pid()
                    + "). Stop it with `make stop`.");
            return 1;
        }
        sweepLeftovers();
        PidFiles.write(ownPid, ProcessHandle.current());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll();
            PidFiles.delete(ownPid);
            System.out.flush();
            // Everything is stopped: end with our own status rather than the signal's (130/143),
            // so Ctrl-C and `make stop` read as the clean stops they are.
            Runtime.getRuntime().halt(exitCode);
        }, "devstack-shutdown"));

        long begin = System.nanoTime();
        System.out.println("Starting LifeOS (state in " + home + ", logs in " + logs + ")");
        try {
            PostgresServer postgres = new PostgresServer(intSetting("lifeos.postgres.port", 25470),
                    home.resolve("postgres").resolve("data"), logs.resolve("postgres.log"), false);
            startAndReport(postgres);
            KafkaBroker kafka = new KafkaBroker(intSetting("lifeos.kafka.port", 9092),
                    intSetting("lifeos.kafka.controller-port", 9093), home.resolve("kafka"),
                    logs.resolve("kafka.log"), run, false, quickStartJit(), home.resolve("kafka-cds.jsa"));
            List<Component> keycloak = new ArrayList<>();
            if (Boolean.parseBoolean(System.getProperty("lifeos.keycloak.enabled", "true"))) {
                keycloak.add(new KeycloakServer(intSetting("lifeos.keycloak.port", 8180), home.resolve("keycloak"),
                        postgres, root.resolve("devstack").resolve("keycloak").resolve("lifeos-realm.json"),
                        logs.resolve("keycloak.log"), run, kafka.bootstrapServers(),
                        home.resolve("keycloak").resolve("keycloak-cds.jsa")));
            }
            // Keycloak starts beside the broker and then beside the services: it needs only the
            // broker's address (its event listener connects when it first publishes), and the
            // services need Keycloak only for the first token they check (quarkus-oidc fetches the
            // realm's keys then when Keycloak was not up at their start). The services wait for
            // the broker: their readiness includes it.
            ExecutorService beside = Executors.newFixedThreadPool(Math.max(1, keycloak.size()));
            try {
                List<Future<?>> keycloakStart = startEach(keycloak, beside);
                startAndReport(kafka);
                if (withServices) {
                    startServices();
                }
                awaitAll(keycloakStart);
            } finally {
                beside.shutdownNow();
            }
        } catch (Exception | Error e) {
            exitCode = 1;
            System.err.println();
            System.err.println("FAILED " + (e instanceof StartupException ? e.getMessage() : e.toString()));
            System.err.println("Stopping what was started.");
            return 1;
        }
        System.out.printf("LifeOS is up in %.1f s. %s Ctrl-C stops everything.%n", seconds(begin),
                withServices ? "Gateway: http://" + Ports.HOST + ":8080." : "");
        awaitShutdown();
        return 0;
    }

    private void startServices() throws Exception {
        // A dev stack starts often and serves one developer: C1 alone compiles what a start runs
        // at a fraction of C2's CPU (the services are ready in about half the time on 2 cores).
        // The bench and the tests start their services with the full JIT.
        List<Component> services = new ArrayList<>();
        SERVICES.forEach((module, ports) -> services.add(new QuarkusService(module, ports.http(), ports.management(),
                root, logs, run, Map.of(), quickStartJit())));
        startTogether(services);
    }

    /** Starts the components side by side: each waits only for its own readiness. */
    private void startTogether(List<Component> components) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(components.size());
        try {
            awaitAll(startEach(components, pool));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts each component on the pool; each start reports when its component is ready. */
    private List<Future<?>> startEach(List<Component> components, ExecutorService pool) {
        List<Future<?>> starts = new ArrayList<>();
        for (Component component : components) {
            track(component);
            starts.add(pool.submit(() -> {
                long begin = System.nanoTime();
                component.start();
                stopIfShuttingDown(component);
                report(component, begin);
                return null;
            }));
        }
        return starts;
    }

    private static void awaitAll(List<Future<?>> starts) throws Exception {
        for (Future<?> start : starts) {
            try {
                start.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Exception exception) {
                    throw exception;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void startAndReport(Component component) throws Exception {
        long begin = System.nanoTime();
        track(component);
        component.start();
        stopIfShuttingDown(component);
        report(component, begin);
    }

    private void track(Component component) {
        synchronized (started) {
            if (shuttingDown) {
                throw new StartupException(component.name(), "not started: the stack is stopping");
            }
            started.push(component);
        }
    }

    /** Ctrl-C can arrive while a component starts; the shutdown hook may then have missed it. */
    private void stopIfShuttingDown(Component component) {
        synchronized (started) {
            if (!shuttingDown) {
                return;
            }
        }
        component.close();
        throw new StartupException(component.name(), "stopped: the stack is stopping");
    }

    private static void report(Component component, long begin) {
        System.out.printf("  ready  %-17s %-40s %5.1f s%n", component.name(), component.url(), seconds(begin));
    }

    private void awaitShutdown() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops in reverse start order: services first, the database last. */
    private void stopAll() {
        List<Component> toStop;
        synchronized (started) {
            shuttingDown = true;
            toStop = new ArrayList<>(started);
            started.clear();
        }
        if (!toStop.isEmpty()) {
            System.out.println();
            System.out.println("Stopping LifeOS...");
        }
        for (Component component : toStop) {
            try {
                component.close();
                System.out.printf("  stopped %s%n", component.name());
            } catch (RuntimeException e) {
                System.err.printf("  %s did not stop cleanly: %s%n", component.name(), e.getMessage());
            }
        }
        if (!toStop.isEmpty()) {
            System.out.println("LifeOS stopped.");
        }
        stopped.countDown();
    }

    /** {@code make stop}: ends a running launcher (which stops its children), then anything left behind. */
    private int stopOther() {
        Path launcher = run.resolve("devstack.pid");
        boolean any = PidFiles.stop(launcher, Duration.ofMinutes(2));
        if (any) {
            System.out.println("Stopped the LifeOS launcher and its components.");
        }
        any |= sweepLeftovers();
        if (!any) {
            System.out.println("LifeOS is not running.");
        }
        return 0;
    }

    /**
     * Stops processes a launcher that was killed outright (SIGKILL, a crash) could not stop:
     * its children named in pid files, and its PostgreSQL, named in postmaster.pid.
     */
    private boolean sweepLeftovers() {
        boolean any = false;
        for (Path pidFile : PidFiles.all(run)) {
            if (!pidFile.getFileName().toString().equals("devstack.pid") && PidFiles.read(pidFile).isPresent()) {
                System.out.println("  stopping " + pidFile.getFileName().toString().replace(".pid", "")
                        + " left over from an earlier run");
                any = true;
            }
            if (!pidFile.getFileName().toString().equals("devstack.pid")) {
                PidFiles.stop(pidFile, Duration.ofSeconds(30));
            }
        }
        Path postmaster = home.resolve("postgres").resolve("data").resolve("postmaster.pid");
        if (Files.exists(postmaster)) {
            try {
                var process = PostgresServer.postmaster(postmaster.getParent());
                if (process.isPresent()) {
                    System.out.println("  stopping postgres left over from an earlier run");
                    process.get().destroy();
                    ChildProcess.waitFor(process.get(), Duration.ofSeconds(30));
                    any = true;
                }
            } catch (java.io.IOException | RuntimeException e) {
                System.err.println("  could not read " + postmaster + ": " + e.getMessage());
            }
        }
        return any;
    }

    /** JVM options of make run's broker and services: the client compiler only (C1), for a quick start. */
    private static List<String> quickStartJit() {
        return Boolean.getBoolean("lifeos.devstack.full-jit") ? List.of() : List.of("-XX:TieredStopAtLevel=1");
    }

    private static int intSetting(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, String.valueOf(fallback)));
    }

    private static double seconds(long begin) {
        return (System.nanoTime() - begin) / 1e9;
    }

    private static Map<String, ServicePorts> services() {
        Map<String, ServicePorts> services = new LinkedHashMap<>();
        services.put("identity-service", new ServicePorts(8081, 9081));
        services.put("planning-service", new ServicePorts(8082, 9082));
        services.put("finance-service", new ServicePorts(8083, 9083));
        services.put("health-service", new ServicePorts(8084, 9084));
        services.put("content-service", new ServicePorts(8085, 9085));
        services.put("gateway", new ServicePorts(8080, 9080));
        return java.util.Collections.unmodifiableMap(services);
    }
}
