package io.kubeeventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeeventbridge.support.KafkaEvents;
import io.kubeeventbridge.support.KafkaEvents.Received;
import io.kubeeventbridge.support.SharedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kafka.server.BrokerServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The broker of the shared context stopped while objects keep changing, then started again on the same port: the
 * informers keep going, and every object's final state reaches Kafka, in order, without restarting the bridge.
 */
@SharedKafkaBroker
class KafkaOutageIT extends BridgeTestBase {

    private static final String POD_TOPIC = "k8s.core.pod";

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

    private String key(String name) {
        return namespace + "/" + name;
    }
}
