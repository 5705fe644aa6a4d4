package io.kubeeventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.kubeeventbridge.support.KafkaEvents;
import io.kubeeventbridge.support.KafkaEvents.Received;
import io.kubeeventbridge.support.MockKubernetes;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A bridge stopped, objects changed while it is down, the bridge started again: the second run publishes exactly
 * what changed, from the checkpoints of the first. The two runs are applications of their own, on the shared broker
 * and mock API server, watching a namespace nobody else uses.
 */
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class RestartReconciliationIT extends BridgeTestBase {

    private static final String TOPIC = "k8s.core.configmap";

    private final String namespace = "restart-" + UUID.randomUUID().toString().substring(0, 6);

    private KafkaEvents events;

    @BeforeEach
    void subscribe() {
        events = new KafkaEvents(bootstrapServers, List.of(TOPIC));
    }

    @AfterEach
    void unsubscribe() {
        events.close();
    }

    @Test
    void restartPublishesExactlyWhatChangedWhileTheBridgeWasDown() {
        ConfigMap kept = create("kept");
        create("changed");
        ConfigMap deleted = create("deleted");
        try (ConfigurableApplicationContext firstRun = startBridge()) {
            for (String name : List.of("kept", "changed", "deleted")) {
                assertThat(types(events.awaitRecords(key(name), 1))).containsExactly("snapshot");
            }
        } // stopping drains the queue and writes the checkpoints

        ConfigMap changed = configMaps()
                .withName("changed")
                .edit(map -> new ConfigMapBuilder(map).addToData("version", "2").build());
        configMaps().withName("deleted").delete();
        ConfigMap created = create("created");

        try (ConfigurableApplicationContext secondRun = startBridge()) {
            assertThat(types(events.awaitRecords(key("changed"), 2))).containsExactly("snapshot", "updated");
            assertThat(events.poll(key("changed")).get(1).event().getId())
                    .isEqualTo(changed.getMetadata().getUid() + "/"
                            + changed.getMetadata().getResourceVersion());
            List<Received> gone = events.awaitRecords(key("deleted"), 3);
            assertThat(types(gone)).containsExactly("snapshot", "deleted", "tombstone");
            assertThat(gone.get(1).event().getExtension("reconciled")).hasToString("true");
            assertThat(gone.get(1).event().getId())
                    .isEqualTo(deleted.getMetadata().getUid() + "/"
                            + deleted.getMetadata().getResourceVersion() + "/deleted");
            assertThat(types(events.awaitRecords(key("created"), 1))).containsExactly("created");
            assertThat(events.poll(key("created")).get(0).event().getId())
                    .startsWith(created.getMetadata().getUid());

            // The unchanged object: its snapshot from the first run, and nothing since.
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .pollInSameThread()
                    .until(() -> events.poll(key("kept")), records -> records.size() == 1);
            assertThat(kept.getMetadata().getUid()).isNotNull();
        }
    }

    private ConfigurableApplicationContext startBridge() {
        // The bridge builds its client the standard fabric8 way, as it would in a pod.
        System.setProperty("kubernetes.master", MockKubernetes.url());
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        System.setProperty("kubernetes.auth.tryServiceAccount", "false");
        return new SpringApplicationBuilder(KubeEventBridgeApplication.class)
                .run(
                        "--spring.config.location=classpath:/",
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--bridge.cluster-name=" + namespace,
                        "--bridge.resources[0].api-version=v1",
                        "--bridge.resources[0].resource=configmaps",
                        "--bridge.resources[0].namespaces[0]=" + namespace);
    }

    private ConfigMap create(String name) {
        return configMaps()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .addToData("version", "1")
                        .build())
                .create();
    }

    private NonNamespaceOperation<ConfigMap, ConfigMapList, Resource<ConfigMap>> configMaps() {
        return client.configMaps().inNamespace(namespace);
    }

    private String key(String name) {
        return namespace + "/" + name;
    }

    private static List<String> types(List<Received> records) {
        return records.stream()
                .map(record -> record.isTombstone()
                        ? "tombstone"
                        : record.event()
                                .getType()
                                .substring(record.event().getType().lastIndexOf('.') + 1))
                .toList();
    }
}
