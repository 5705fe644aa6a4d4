package io.kubeeventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeeventbridge.support.KafkaEvents;
import io.kubeeventbridge.support.KafkaEvents.Received;
import io.kubeeventbridge.support.SharedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.AlterConfigOp.OpType;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Kafka failing the bridge of the shared context. Its broker stopped while objects keep changing, then started again
 * on the same port: the informers keep going, and every object's final state reaches Kafka, in order, without
 * restarting the bridge. Its checkpoint topic refusing records: operators see it, and the refused checkpoints are
 * written once it takes them again.
 */
@SharedKafkaBroker
class KafkaOutageIT extends BridgeTestBase {

    private static final String POD_TOPIC = "k8s.core.pod";
    private static final String CHECKPOINT_TOPIC = "kube-event-bridge.it-cluster.checkpoints";
    private static final String PUBLISHER_HEALTH = "$.components.kafkaPublisher";

    private final String namespace = "outage-" + UUID.randomUUID().toString().substring(0, 6);

    @Autowired
    private EmbeddedKafkaBroker kafka;

    @Test
    void changesDuringABrokerOutageAllArriveOnceItIsBack() {
        for (String name : List.of("edited", "removed")) {
            client.pods().inNamespace(namespace).resource(pod(name)).create();
        }
        try (KafkaEvents events = new KafkaEvents(bootstrapServers, List.of(POD_TOPIC))) {
            events.awaitRecords(key("edited"), 1);
            events.awaitRecords(key("removed"), 1);
        }
        BrokerServer broker = ((EmbeddedKafkaKraftBroker) kafka)
                .getCluster()
                .brokers()
                .values()
                .iterator()
                .next();

        broker.shutdown();
        Pod edited = null;
        for (int version = 1; version <= 5; version++) {
            String label = Integer.toString(version);
            edited = client.pods().inNamespace(namespace).withName("edited").edit(pod -> {
                pod.getMetadata().getLabels().put("version", label);
                return pod;
            });
        }
        client.pods().inNamespace(namespace).withName("removed").delete();
        client.pods().inNamespace(namespace).resource(pod("added")).create();
        // The informers are not held up by Kafka: the cache already has the new pod.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(mvc.get().uri("/k8s/api/v1/namespaces/{namespace}/pods/added", namespace))
                                .hasStatusOk());
        broker.startup();

        try (KafkaEvents events = new KafkaEvents(bootstrapServers, List.of(POD_TOPIC))) {
            String finalId =
                    edited.getMetadata().getUid() + "/" + edited.getMetadata().getResourceVersion();
            List<Received> editedRecords = events.awaitRecords(
                    key("edited"),
                    records -> !records.isEmpty()
                            && records.get(records.size() - 1).event().getId().equals(finalId));
            assertThat(editedRecords.get(0).event().getType()).isEqualTo("io.k8s.core.pod.created");
            assertThat(editedRecords.subList(1, editedRecords.size()))
                    .allSatisfy(record -> assertThat(record.event().getType()).isEqualTo("io.k8s.core.pod.updated"))
                    .hasSizeBetween(1, 5);
            List<Received> removedRecords = events.awaitRecords(key("removed"), 3);
            assertThat(removedRecords.get(1).event().getType()).isEqualTo("io.k8s.core.pod.deleted");
            assertThat(removedRecords.get(2).isTombstone()).isTrue();
            assertThat(events.awaitRecords(key("added"), 1).get(0).event().getType())
                    .isEqualTo("io.k8s.core.pod.created");
        }
    }

    @Test
    void checkpointWritesTheBrokerRefusesAreCountedShownInHealthAndRetriedUntilWritten() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            // No record fits in one byte: the broker refuses every checkpoint, and nothing else.
            setMaxMessageBytes(admin, "1");
            try {
                client.pods().inNamespace(namespace).resource(pod("unrecorded")).create();

                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(mvc.get().uri("/actuator/prometheus"))
                                .bodyText()
                                .contains("bridge_checkpoints_failed_total{resource=\"v1/pods\"}"));
                assertThat(mvc.get().uri("/actuator/health")).bodyJson().satisfies(json -> {
                    assertThat(json)
                            .extractingPath(PUBLISHER_HEALTH + ".status")
                            .as("not for longer than bridge.kafka.unhealthy-after yet")
                            .isEqualTo("UP");
                    assertThat(json)
                            .extractingPath(PUBLISHER_HEALTH + ".details.checkpointsLastError")
                            .asString()
                            .startsWith("RecordTooLargeException");
                });
            } finally {
                setMaxMessageBytes(admin, null);
            }

            // No further change to the pod: the refused checkpoint is written again by itself.
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(mvc.get().uri("/actuator/health"))
                            .bodyJson()
                            .extractingPath(PUBLISHER_HEALTH + ".details")
                            .asMap()
                            .doesNotContainKeys("checkpointsFailingSince", "checkpointsLastError"));
        }
    }

    /** Sets the checkpoint topic's {@code max.message.bytes}, or back to the broker's default with {@code null}. */
    private static void setMaxMessageBytes(Admin admin, String value) throws Exception {
        ConfigEntry entry = new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, value);
        AlterConfigOp op = new AlterConfigOp(entry, value == null ? OpType.DELETE : OpType.SET);
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, CHECKPOINT_TOPIC);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get(30, TimeUnit.SECONDS);
        // Applied once the broker describes it so: only then does the next change test what it should.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ConfigEntry applied = admin.describeConfigs(List.of(topic))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic)
                    .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            return value == null ? applied.isDefault() : value.equals(applied.value());
        });
    }

    private String key(String name) {
        return namespace + "/" + name;
    }
}
