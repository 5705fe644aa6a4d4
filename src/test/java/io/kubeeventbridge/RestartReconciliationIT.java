package io.kubeeventbridge;

import static io.kubeeventbridge.support.KafkaEvents.operations;
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
import io.kubeeventbridge.support.SharedKafkaBroker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A bridge stopped, objects changed while it is down, the bridge started again: the second run publishes exactly
 * what changed, from the checkpoints of the first, and each topic gets every object. The runs are applications of
 * their own, on the shared broker and mock API server, watching a namespace (and so a checkpoint topic) nobody else
 * uses.
 */
@SharedKafkaBroker
class RestartReconciliationIT extends BridgeTestBase {

    private static final String TOPIC = "k8s.core.configmap";
    private static final String MOVED_TOPIC = "moved.core.configmap";
    private static final String CRATES_GROUP = "crates.example.com";
    private static final String CRATES_TOPIC = "k8s." + CRATES_GROUP + ".crate";
    private static final String MOVED_CRATES_TOPIC = "moved." + CRATES_GROUP + ".crate";

    private final String namespace = "restart-" + UUID.randomUUID().toString().substring(0, 6);

    // What the runs watch: this test's configmaps, unless the test says otherwise.
    private List<String> watched = List.of(
            "--bridge.resources[0].api-version=v1",
            "--bridge.resources[0].resource=configmaps",
            "--bridge.resources[0].namespaces[0]=" + namespace);

    private KafkaEvents events;

    @BeforeEach
    void subscribe() {
        events = new KafkaEvents(bootstrapServers, List.of(TOPIC, MOVED_TOPIC, CRATES_TOPIC, MOVED_CRATES_TOPIC));
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
        runUntilSnapshotted("kept", "changed", "deleted");

        ConfigMap changed = configMaps()
                .withName("changed")
                .edit(map -> new ConfigMapBuilder(map).addToData("version", "2").build());
        configMaps().withName("deleted").delete();
        ConfigMap created = create("created");

        try (ConfigurableApplicationContext secondRun = startBridge()) {
            assertThat(operations(events.awaitRecords(key("changed"), 2))).containsExactly("snapshot", "updated");
            assertThat(events.poll(key("changed")).get(1).event().getId())
                    .isEqualTo(changed.getMetadata().getUid() + "/"
                            + changed.getMetadata().getResourceVersion());
            List<Received> gone = events.awaitRecords(key("deleted"), 3);
            assertThat(operations(gone)).containsExactly("snapshot", "deleted", "tombstone");
            assertThat(gone.get(1).event().getExtension("reconciled")).hasToString("true");
            assertThat(gone.get(1).event().getId())
                    .isEqualTo(deleted.getMetadata().getUid() + "/"
                            + deleted.getMetadata().getResourceVersion() + "/deleted");
            assertThat(operations(events.awaitRecords(key("created"), 1))).containsExactly("created");
            assertThat(events.poll(key("created")).get(0).event().getId())
                    .startsWith(created.getMetadata().getUid());

            // The unchanged object: its snapshot from the first run, and nothing since.
            assertRecordsStayAt("kept", 1);
            assertThat(kept.getMetadata().getUid()).isNotNull();
        }
    }

    @Test
    void restartWithANewTopicTemplateSnapshotsEveryObjectToTheNewTopicAndNothingToTheOld() {
        create("first");
        create("second");
        runUntilSnapshotted("first", "second");

        restartWithMovedTopicsExpectingSnapshotsThereOnly(TOPIC, MOVED_TOPIC, "first", "second");
    }

    @Test
    void aGroupEntryRestartedWithANewTopicTemplateSnapshotsToTheNewTopicAndNothingToTheOld() {
        MockKubernetes.installCrd(CRATES_GROUP, "v1", "Crate");
        watched = List.of(
                "--bridge.resources[0].api-version=" + CRATES_GROUP + "/*",
                "--bridge.resources[0].namespaces[0]=" + namespace);
        for (String name : List.of("first", "second")) {
            MockKubernetes.customObjects(CRATES_GROUP, "v1", "Crate")
                    .inNamespace(namespace)
                    .resource(MockKubernetes.customObject(CRATES_GROUP, "v1", "Crate", name))
                    .create();
        }
        runUntilSnapshotted("first", "second");

        restartWithMovedTopicsExpectingSnapshotsThereOnly(CRATES_TOPIC, MOVED_CRATES_TOPIC, "first", "second");
    }

    /** A run with topic-template moved.{group}.{kind}: each object one snapshot more, on the new topic only. */
    private void restartWithMovedTopicsExpectingSnapshotsThereOnly(String topic, String movedTopic, String... names) {
        try (ConfigurableApplicationContext secondRun =
                startBridge("--bridge.kafka.topic-template=moved.{group}.{kind}")) {
            for (String name : names) {
                List<Received> records = events.awaitRecords(key(name), 2);
                assertThat(records).extracting(Received::topic).containsExactly(topic, movedTopic);
                assertThat(operations(records)).containsExactly("snapshot", "snapshot");
            }
            for (String name : names) {
                assertRecordsStayAt(name, 2);
            }
        }
    }

    @Test
    void unreadableCheckpointRecordIsSkippedAndCountedAndTheOtherCheckpointsStillHold() {
        create("kept");
        create("changed");
        runUntilSnapshotted("kept", "changed");
        writeCheckpointRecords(Map.of("garbage-key", "x", "v1/configmaps|" + key("kept"), "no-slash"));
        configMaps()
                .withName("changed")
                .edit(map -> new ConfigMapBuilder(map).addToData("version", "2").build());

        try (ConfigurableApplicationContext secondRun = startBridge()) {
            assertThat(operations(events.awaitRecords(key("changed"), 2))).containsExactly("snapshot", "updated");
            assertRecordsStayAt("kept", 1);
            assertThat(secondRun
                            .getBean(MeterRegistry.class)
                            .get("bridge.checkpoint.records.skipped")
                            .counter()
                            .count())
                    .isEqualTo(2);
        }
    }

    @Test
    void checkpointsOfTheFormatBeforeTopicScopingStillHoldAfterAnUpgrade() {
        ConfigMap kept = create("kept");
        ConfigMap changedBefore = create("changed");
        ConfigMap deleted = create("deleted");
        // As the previous version wrote them: resource|object, uid/resourceVersion.
        Map<String, String> legacy = new HashMap<>();
        for (ConfigMap map : List.of(kept, changedBefore, deleted)) {
            legacy.put(
                    "v1/configmaps|" + key(map.getMetadata().getName()),
                    map.getMetadata().getUid() + "/" + map.getMetadata().getResourceVersion());
        }
        writeCheckpointRecords(legacy);
        configMaps()
                .withName("changed")
                .edit(map -> new ConfigMapBuilder(map).addToData("version", "2").build());
        configMaps().withName("deleted").delete();

        try (ConfigurableApplicationContext upgraded = startBridge()) {
            assertThat(operations(events.awaitRecords(key("changed"), 1))).containsExactly("updated");
            assertThat(operations(events.awaitRecords(key("deleted"), 2))).containsExactly("deleted", "tombstone");
            assertRecordsStayAt("kept", 0);
        }
        try (ConfigurableApplicationContext restarted = startBridge()) {
            // The checkpoints were rewritten in the current format: nothing changed, nothing is published.
            assertRecordsStayAt("changed", 1);
            assertRecordsStayAt("kept", 0);
        }
    }

    @Test
    void restartWithOnlyIgnoredChangesWhileDownPublishesNothing() {
        create("beating");
        create("changed");
        String[] ignoringHeartbeats = {"--bridge.resources[0].ignore-changes[0]=/metadata/annotations/heartbeat"};
        runUntilSnapshotted(ignoringHeartbeats, "beating", "changed");

        for (String name : List.of("beating", "changed")) {
            configMaps()
                    .withName(name)
                    .edit(map -> new ConfigMapBuilder(map)
                            .editMetadata()
                            .addToAnnotations("heartbeat", "1")
                            .endMetadata()
                            .build());
        }
        configMaps()
                .withName("changed")
                .edit(map -> new ConfigMapBuilder(map).addToData("version", "2").build());

        try (ConfigurableApplicationContext secondRun = startBridge(ignoringHeartbeats)) {
            assertThat(operations(events.awaitRecords(key("changed"), 2))).containsExactly("snapshot", "updated");
            assertRecordsStayAt("beating", 1);
        }
    }

    @Test
    void restartOfAnEntryThatNowIgnoresChangesComparesCheckpointsWithoutFingerprintByResourceVersion() {
        create("kept");
        create("beating");
        runUntilSnapshotted("kept", "beating");

        configMaps()
                .withName("beating")
                .edit(map -> new ConfigMapBuilder(map)
                        .editMetadata()
                        .addToAnnotations("heartbeat", "1")
                        .endMetadata()
                        .build());

        // The first run compared no updates: its checkpoints say which state was published, not what counted in it.
        try (ConfigurableApplicationContext secondRun =
                startBridge("--bridge.resources[0].ignore-changes[0]=/metadata/annotations/heartbeat")) {
            assertThat(operations(events.awaitRecords(key("beating"), 2))).containsExactly("snapshot", "updated");
            assertRecordsStayAt("kept", 1);
        }
    }

    @Test
    void restartOfAnEntryWithoutSnapshotsNeitherAnnouncesOldObjectsNorMissesTheirDeletion() {
        create("old");
        create("gone");
        String[] createsAndDeletes = {"--bridge.resources[0].operations=created,deleted"};
        try (ConfigurableApplicationContext firstRun = startBridge(createsAndDeletes)) {
            // Both snapshots decided on (left out), so the first list is done: what comes now is created.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> firstRun.getBean(MeterRegistry.class)
                                    .get("bridge.events.filtered")
                                    .tag("operation", "snapshot")
                                    .counter()
                                    .count()
                            == 2);
            create("new");
            assertThat(operations(events.awaitRecords(key("new"), 1))).containsExactly("created");
        }
        configMaps().withName("gone").delete();

        try (ConfigurableApplicationContext secondRun = startBridge(createsAndDeletes)) {
            assertThat(operations(events.awaitRecords(key("gone"), 2))).containsExactly("deleted", "tombstone");
            assertRecordsStayAt("old", 0);
            assertRecordsStayAt("new", 1);
        }
    }

    /** A first run: every object arrives as a snapshot; stopping drains the queue and writes the checkpoints. */
    private void runUntilSnapshotted(String... names) {
        runUntilSnapshotted(new String[0], names);
    }

    private void runUntilSnapshotted(String[] arguments, String... names) {
        try (ConfigurableApplicationContext firstRun = startBridge(arguments)) {
            for (String name : names) {
                assertThat(operations(events.awaitRecords(key(name), 1))).containsExactly("snapshot");
            }
        }
    }

    /** The object's records on the bridge's topics are {@code count}, and stay so for two seconds. */
    private void assertRecordsStayAt(String name, int count) {
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .pollInSameThread()
                .until(() -> events.poll(key(name)), records -> records.size() == count);
    }

    /** Writes records onto the checkpoint topic as they are, the way another program could. */
    private void writeCheckpointRecords(Map<String, String> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new StringSerializer())) {
            records.forEach((key, value) ->
                    producer.send(new ProducerRecord<>("kube-event-bridge." + namespace + ".checkpoints", key, value)));
        }
    }

    private ConfigurableApplicationContext startBridge(String... arguments) {
        // The bridge builds its client the standard fabric8 way, as it would in a pod.
        System.setProperty("kubernetes.master", MockKubernetes.url());
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        System.setProperty("kubernetes.auth.tryServiceAccount", "false");
        List<String> all = new ArrayList<>(List.of(
                "--spring.config.location=classpath:/",
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--bridge.cluster-name=" + namespace));
        all.addAll(watched);
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(KubeEventBridgeApplication.class).run(all.toArray(String[]::new));
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
}
