package io.kubeeventbridge.local;

import io.kubeeventbridge.KubeEventBridgeApplication;
import io.kubeeventbridge.support.MockKubernetes;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Runs the bridge on a laptop with nothing installed: a real in-process Kafka broker on localhost:9092, the mock
 * API server, the demo configuration ({@code application-local.yaml}) and a workload that keeps changing pods,
 * deployments and widgets. Started by {@code ./mvnw spring-boot:test-run}.
 */
public final class LocalBridge {

    static final int KAFKA_PORT = 9092;

    private LocalBridge() {}

    public static void main(String[] args) {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1).kafkaPorts(KAFKA_PORT);
        kafka.afterPropertiesSet();
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
                        "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString()));
    }

    private static String[] append(String[] args, String... extra) {
        String[] all = Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return all;
    }
}
