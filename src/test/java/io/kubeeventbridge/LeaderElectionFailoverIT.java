package io.kubeeventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kubeeventbridge.leadership.LeadershipStatus;
import io.kubeeventbridge.leadership.LeadershipStatus.Role;
import io.kubeeventbridge.support.KafkaEvents;
import io.kubeeventbridge.support.MockKubernetes;
import io.kubeeventbridge.support.SharedKafkaBroker;
import io.kubeeventbridge.support.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas of the bridge, each an application of its own, electing a leader on the shared mock API server and
 * publishing to the shared broker with transactions, with short timings: lease 2 s, renew deadline 1.5 s, retry
 * 300 ms. Each test uses a namespace (so a cluster name, Lease, checkpoint topic and transactional id) of its own.
 */
@SharedKafkaBroker
class LeaderElectionFailoverIT extends BridgeTestBase {

    private static final String TOPIC = "k8s.core.configmap";
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration RETRY = Duration.ofMillis(300);

    private final String namespace = "ha-" + UUID.randomUUID().toString().substring(0, 6);
    private final List<AutoCloseable> resources = new ArrayList<>();
    private KafkaEvents events;

    @BeforeEach
    void subscribe() {
        events = new KafkaEvents(bootstrapServers, List.of(TOPIC));
        resources.add(events);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int index = resources.size() - 1; index >= 0; index--) {
            resources.get(index).close();
        }
    }

    @Test
    void exactlyOneReplicaPublishesAndTheOtherStandsByKnowingWhoLeads() {
        ConfigurableApplicationContext first = replica("first", MockKubernetes.url());
        await().atMost(Duration.ofSeconds(10)).until(() -> role(first) == Role.LEADER);
        ConfigurableApplicationContext second = replica("second", MockKubernetes.url());

        create("one");

        assertRecordsStayAt("one", 1);
        assertThat(role(second)).isEqualTo(Role.STANDBY);
        assertThat(leadership(second).view().holder())
                .isEqualTo(leadership(first).identity());
    }

    @Test
    void aGracefulStopReleasesTheLeaseSoTheStandbyLeadsLongBeforeItWouldExpire() {
        // A lease far longer than the handover may take: only a released lease can change hands in time.
        Duration longLease = Duration.ofSeconds(20);
        ConfigurableApplicationContext first = replica("first", MockKubernetes.url(), longLease);
        await().atMost(Duration.ofSeconds(10)).until(() -> role(first) == Role.LEADER);
        ConfigurableApplicationContext second = replica("second", MockKubernetes.url(), longLease);
        create("before");
        events.awaitRecords(key("before"), 1);

        long stoppedAt = System.nanoTime();
        first.close();
        await().atMost(longLease.dividedBy(2)).until(() -> role(second) == Role.LEADER);
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(longLease);
        create("after");

        assertThat(KafkaEvents.operations(events.awaitRecords(key("after"), 1))).containsExactly("created");
        assertRecordsStayAt("before", 1);
    }

    @Test
    void aLeaderCutOffFromTheApiServerIsTakenOverAndWhatChangedMeanwhileIsPublishedInOrder() throws Exception {
        TcpProxy proxy = new TcpProxy(URI.create(MockKubernetes.url()).getPort());
        resources.add(proxy);
        ConfigurableApplicationContext first = replica("first", "http://localhost:" + proxy.port());
        await().atMost(Duration.ofSeconds(10)).until(() -> role(first) == Role.LEADER);
        ConfigurableApplicationContext second = replica("second", MockKubernetes.url());
        ConfigMap changed = create("changed");
        create("deleted");
        events.awaitRecords(key("changed"), 1);
        events.awaitRecords(key("deleted"), 1);

        proxy.cut();
        client.configMaps()
                .inNamespace(namespace)
                .withName("changed")
                .edit(map -> new ConfigMapBuilder(map).addToData("version", "2").build());
        client.configMaps().inNamespace(namespace).withName("deleted").delete();
        create("created");

        await().atMost(LEASE.plus(RETRY.multipliedBy(2)).plus(Duration.ofSeconds(5)))
                .until(() -> role(second) == Role.LEADER);
        assertThat(KafkaEvents.operations(events.awaitRecords(key("changed"), 2)))
                .containsExactly("created", "updated");
        assertThat(KafkaEvents.operations(events.awaitRecords(key("deleted"), 3)))
                .containsExactly("created", "deleted", "tombstone");
        assertThat(KafkaEvents.operations(events.awaitRecords(key("created"), 1)))
                .containsExactly("created");
        assertThat(events.poll(key("changed")).get(1).event().getExtension("resourceversion"))
                .hasToString(client.configMaps()
                        .inNamespace(namespace)
                        .withName("changed")
                        .get()
                        .getMetadata()
                        .getResourceVersion());
        assertThat(role(first)).isEqualTo(Role.STANDBY);
        assertThat(changed.getMetadata().getUid()).isNotNull();
    }

    private ConfigurableApplicationContext replica(String name, String apiServer) {
        return replica(name, apiServer, LEASE);
    }

    /** A replica whose renew deadline is three quarters of {@code lease}. */
    private ConfigurableApplicationContext replica(String name, String apiServer, Duration lease) {
        // The bridge builds its client the standard fabric8 way, as it would in a pod, when its context starts.
        System.setProperty("kubernetes.master", apiServer);
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        System.setProperty("kubernetes.auth.tryServiceAccount", "false");
        ConfigurableApplicationContext replica = new SpringApplicationBuilder(KubeEventBridgeApplication.class)
                .run(
                        "--spring.config.location=classpath:/",
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--bridge.cluster-name=" + namespace,
                        "--bridge.resources[0].api-version=v1",
                        "--bridge.resources[0].resource=configmaps",
                        "--bridge.resources[0].namespaces[0]=" + namespace,
                        "--bridge.leader-election.enabled=true",
                        "--bridge.leader-election.lease-namespace=" + namespace,
                        "--bridge.leader-election.identity=" + name + "-" + namespace,
                        "--bridge.leader-election.lease-duration=" + lease.toMillis() + "ms",
                        "--bridge.leader-election.renew-deadline="
                                + lease.multipliedBy(3).dividedBy(4).toMillis() + "ms",
                        "--bridge.leader-election.retry-period=" + RETRY.toMillis() + "ms");
        resources.add(replica);
        return replica;
    }

    private static LeadershipStatus leadership(ConfigurableApplicationContext replica) {
        return replica.getBean(LeadershipStatus.class);
    }

    private static Role role(ConfigurableApplicationContext replica) {
        return leadership(replica).view().role();
    }

    private ConfigMap create(String name) {
        return client.configMaps()
                .inNamespace(namespace)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .addToData("version", "1")
                        .build())
                .create();
    }

    private void assertRecordsStayAt(String name, int count) {
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(15))
                .pollInSameThread()
                .until(() -> events.poll(key(name)), records -> records.size() == count);
    }

    private String key(String name) {
        return namespace + "/" + name;
    }
}
