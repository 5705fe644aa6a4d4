package io.kubeeventbridge.local;

import static org.awaitility.Awaitility.await;

import io.kubeeventbridge.KubeEventBridgeApplication;
import io.kubeeventbridge.informer.ResourceCache;
import io.kubeeventbridge.informer.ResourceCacheDirectory;
import io.kubeeventbridge.support.MockKubernetes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Runs the bridge on a laptop with nothing installed: a real in-process Kafka broker, the mock API server, the demo
 * configuration ({@code application-local.yaml}) and a workload that keeps changing pods, deployments and widgets.
 * Started by {@code ./mvnw spring-boot:test-run}; quiet until the caches have synced, then it prints what to try.
 */
public final class LocalBridge {

    /** Where the broker's address is written for command-line clients: the KRaft test broker picks its own port. */
    static final Path KAFKA_ADDRESS_FILE = Path.of("target", "local-kafka.txt");

    // The broker's startup and the clients' configuration dumps: over a thousand lines at INFO.
    private static final List<String> NOISY =
            List.of("kafka", "org.apache.kafka", "state.change.logger", "io.fabric8.mockwebserver");

    private LocalBridge() {}

    public static void main(String[] args) {
        quietUntilSpringConfiguresLogging();
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
        String bootstrapServers = kafka.getBrokersAsString();
        writeKafkaAddress(bootstrapServers);
        // The bridge builds its client the standard fabric8 way; these are the settings a user would export.
        System.setProperty("kubernetes.master", MockKubernetes.url());
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        System.setProperty("kubernetes.auth.tryServiceAccount", "false");
        MockKubernetes.installCrd("example.com", "v1", "Widget");
        new DemoWorkload(MockKubernetes.client()).start();
        ConfigurableApplicationContext context = SpringApplication.from(KubeEventBridgeApplication::main)
                .withAdditionalProfiles("local")
                .run(append(
                        args,
                        // The build copies application.yaml to the classpath; reading it again from the working
                        // directory would override the demo profile.
                        "--spring.config.location=classpath:/",
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers))
                .getApplicationContext();
        awaitSynced(context.getBean(ResourceCacheDirectory.class));
        System.out.println(banner(bootstrapServers, context.getEnvironment().getProperty("local.server.port")));
    }

    private static void quietUntilSpringConfiguresLogging() {
        // The mock API server logs through java.util.logging.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        LoggingSystem logging = LoggingSystem.get(LocalBridge.class.getClassLoader());
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
        NOISY.forEach(logger -> logging.setLogLevel(logger, LogLevel.WARN));
    }

    private static void awaitSynced(ResourceCacheDirectory caches) {
        try {
            await().atMost(Duration.ofMinutes(1))
                    .until(() ->
                            !caches.all().isEmpty() && caches.all().stream().allMatch(ResourceCache::synced));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("The caches have not all synced after a minute; see /actuator/health.");
        }
    }

    private static String banner(String bootstrapServers, String port) {
        String server = "http://localhost:" + port;
        return """

                Local bridge running: in-process Kafka at %1$s (also in %2$s), mock API server, demo workload.
                Try, in another terminal:
                  curl -s %3$s/k8s/api/v1/namespaces/demo/pods
                  curl -s '%3$s/k8s/api/v1/pods?fieldSelector=status.phase=Running'
                  kubectl --server %3$s/k8s get pods -A -w
                  kubectl --server %3$s/k8s get all -n demo
                  curl -s %3$s/actuator/health
                  kcat -b %1$s -C -t k8s.core.pod -f '%%k %%h\\n%%s\\n\\n'
                One line per published event: add -Dspring-boot.run.arguments=--logging.level.io.kubeeventbridge.publish=debug
                """.formatted(bootstrapServers, KAFKA_ADDRESS_FILE, server);
    }

    private static void writeKafkaAddress(String bootstrapServers) {
        try {
            Files.createDirectories(KAFKA_ADDRESS_FILE.getParent());
            Files.writeString(KAFKA_ADDRESS_FILE, bootstrapServers);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + KAFKA_ADDRESS_FILE, e);
        }
        // The address is the running broker's: stale once the run ends.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                Files.deleteIfExists(KAFKA_ADDRESS_FILE);
                            } catch (IOException e) {
                                System.err.println("Could not remove " + KAFKA_ADDRESS_FILE + ": " + e.getMessage());
                            }
                        },
                        "remove-kafka-address"));
    }

    private static String[] append(String[] args, String... extra) {
        String[] all = Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return all;
    }
}
