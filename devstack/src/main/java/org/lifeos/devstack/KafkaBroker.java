package org.lifeos.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Kafka 4.3.1 broker in KRaft combined mode (broker and controller in one process), in its
 * own JVM so its dependencies never meet the services' kafka-clients. Topics are not created
 * on first use: the service that owns a topic declares it.
 */
public final class KafkaBroker implements Component {

    private static final String CLASSPATH_RESOURCE = "/org/lifeos/devstack/kafka-broker.classpath";
    private static final String STARTED = "Kafka Server started";

    private final int port;
    private final int controllerPort;
    private final Path dir;
    private final Path log;
    private final Path runDir;
    private final boolean fresh;
    private final List<String> jvmOptions;
    private final Path classArchivePath;
    private ChildProcess process;
    private ClassArchive classArchive;
    private boolean startedBefore;

    /**
     * @param dir    holds server.properties and the log segments ({@code dir/data})
     * @param fresh  wipe {@code dir} at the first start (tests); a later start (a restart after
     *               {@link #close()}) and every start without it keep topics and offsets
     */
    public KafkaBroker(int port, int controllerPort, Path dir, Path log, Path runDir, boolean fresh) {
        this(port, controllerPort, dir, log, runDir, fresh, List.of(), null);
    }

    /**
     * @param jvmOptions   options for the broker's JVM besides the usual ones (make run: the client compiler only)
     * @param classArchive where the broker's class archive is kept ({@link ClassArchive}); null: none
     */
    public KafkaBroker(int port, int controllerPort, Path dir, Path log, Path runDir, boolean fresh,
                       List<String> jvmOptions, Path classArchive) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classArchivePath = classArchive;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dir = dir;
        this.log = log;
        this.runDir = runDir;
        this.fresh = fresh;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String url() {
        return bootstrapServers();
    }

    public String bootstrapServers() {
        return Ports.HOST + ":" + port;
    }

    @Override
    public void start() throws Exception {
        Ports.requireFree(name(), port);
        Ports.requireFree(name() + " controller", controllerPort);
        if (fresh && !startedBefore) {
            FileTrees.delete(dir);
        }
        startedBefore = true;
        Files.createDirectories(log.getParent());
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, serverProperties(data));
        String classpath = brokerClasspath();
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(classpath, properties);
        }
        List<String> command = new ArrayList<>(jvm(classpath));
        command.addAll(1, jvmOptions);
        if (classArchivePath != null) {
            classArchive = new ClassArchive(classArchivePath,
                    Stream.of(classpath.split(java.io.File.pathSeparator)).map(Path::of).toList());
            command.addAll(1, classArchive.options(String.valueOf(port)));
        }
        command.add("kafka.Kafka");
        command.add(properties.toString());
        process = ChildProcess.start(name(), command, dir, Map.of(), log, runDir);
        process.awaitReady(Duration.ofSeconds(90), () -> process.logContains(STARTED) && Ports.accepts(port));
    }

    private String serverProperties(Path data) {
        return """
                # Written by the LifeOS devstack launcher at every start; edits are overwritten.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@%1$s:%3$d
                listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=PLAINTEXT://%1$s:%2$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%4$s
                # Topics belong to the services that own them: a typo must not create one.
                auto.create.topics.enable=false
                num.partitions=3
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                # One node: few internal partitions keep (re)starts quick on small machines.
                transaction.state.log.num.partitions=3
                offsets.topic.num.partitions=3
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                """.formatted(Ports.HOST, port, controllerPort, data.toAbsolutePath());
    }

    private void format(String classpath, Path properties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(jvm(classpath));
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", properties.toString()));
        Process formatting = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (formatting.waitFor() != 0) {
            throw new StartupException(name(), "formatting the log directory failed. Last lines of " + log + ":\n"
                    + ChildProcess.tail(log, 25));
        }
    }

    private static List<String> jvm(String classpath) {
        return List.of(ChildProcess.javaBinary(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true", "-cp", classpath);
    }

    /**
     * A cluster id as Kafka makes one: 16 random bytes, URL-safe base64 without padding, never
     * starting with '-' (the storage tool would read such an id as an option and refuse it).
     */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private String brokerClasspath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new StartupException(name(), "the broker classpath is missing from the devstack build; run `make build`");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String jar : classpath.split(java.io.File.pathSeparator)) {
                if (!Files.exists(Path.of(jar))) {
                    throw new StartupException(name(), jar + " is missing from the local Maven repository; run `make build`");
                }
            }
            return classpath;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
        if (classArchive != null) {
            classArchive.keepRecorded(name());
        }
    }
}
