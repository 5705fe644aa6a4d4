package io.kubeeventbridge.local;

import io.kubeeventbridge.KubeEventBridgeApplication;
import io.kubeeventbridge.support.MockKubernetes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Runs the bridge on a laptop with nothing installed: a real in-process Kafka broker, the mock API server, the demo
 * configuration ({@code application-local.yaml}) and a workload that keeps changing pods, deployments and widgets.
 * Started by {@code ./mvnw spring-boot:test-run}.
 */
public final class LocalBridge {

    private static final Logger log = LoggerFactory.getLogger(LocalBridge.class);

    /** Where the broker's address is written for command-line clients: the KRaft test broker picks its own port. */
    static final Path KAFKA_ADDRESS_FILE = Path.of("target", "local-kafka.txt");

    private LocalBridge() {}

    public static void main(String[] args) {
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
        SpringApplication.from(KubeEventBridgeApplication::main)
                .withAdditionalProfiles("local")
                .run(append(
                        args,
                        // The build copies application.yaml to the classpath; reading it again from the working
                        // directory would override the demo profile.
                        "--spring.config.location=classpath:/",
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers));
        log.info("""

                Local bridge running on embedded defaults.
                  Kafka bootstrap servers: {} (also in {})
                  The cache:  curl -s localhost:8080/k8s/api/v1/namespaces/demo/pods
                  Readiness:  curl -s localhost:8080/actuator/health/readiness
                  A topic:    kcat -b {} -C -t k8s.core.pod -f '%k %h\\n%s\\n\\n'
                """, bootstrapServers, KAFKA_ADDRESS_FILE, bootstrapServers);
    }

    private static void writeKafkaAddress(String bootstrapServers) {
        try {
            Files.createDirectories(KAFKA_ADDRESS_FILE.getParent());
            Files.writeString(KAFKA_ADDRESS_FILE, bootstrapServers);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + KAFKA_ADDRESS_FILE, e);
        }
    }

    private static String[] append(String[] args, String... extra) {
        String[] all = Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return all;
    }
}
