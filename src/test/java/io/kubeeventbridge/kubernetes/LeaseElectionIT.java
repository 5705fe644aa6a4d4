package io.kubeeventbridge.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubeeventbridge.config.LeaderElectionSettings;
import io.kubeeventbridge.leadership.LeadershipListener;
import io.kubeeventbridge.leadership.LeadershipStatus;
import io.kubeeventbridge.leadership.LeadershipStatus.Role;
import io.kubeeventbridge.support.MockKubernetes;
import io.kubeeventbridge.support.TcpProxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas electing a leader on the mock API server's Lease, with short timings: lease 2 s, renew deadline 1.5 s,
 * retry 300 ms. Each test elects on a Lease of its own.
 */
class LeaseElectionIT {

    private static final String NAMESPACE = "election";
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration RETRY = Duration.ofMillis(300);
    private static final LeaderElectionSettings SETTINGS =
            new LeaderElectionSettings(true, null, NAMESPACE, null, LEASE, Duration.ofMillis(1500), RETRY);

    private final String leaseName = "lease-" + UUID.randomUUID();
    private final List<LeaseElection> elections = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        elections.stream().filter(LeaseElection::isRunning).forEach(LeaseElection::stop);
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void exactlyOneReplicaLeadsAndTheOtherKnowsWho() {
        Replica a = replica("a", MockKubernetes.client());
        Replica b = replica("b", MockKubernetes.client());

        await().atMost(Duration.ofSeconds(5)).until(() -> a.leads() || b.leads());
        Replica leader = a.leads() ? a : b;
        Replica standby = leader == a ? b : a;

        await().atMost(Duration.ofSeconds(5))
                .until(() -> leader.identity().equals(standby.status.view().holder()));
        assertThat(standby.leads()).isFalse();
        assertThat(standby.status.view().role()).isEqualTo(Role.STANDBY);
        assertThat(leader.listener.events).containsExactly("start");
    }

    @Test
    void aGracefulStopReleasesTheLeaseSoTheStandbyLeadsLongBeforeItWouldExpire() {
        // A lease far longer than the handover may take: only a released lease can change hands in time.
        LeaderElectionSettings longLease = new LeaderElectionSettings(
                true, null, NAMESPACE, null, Duration.ofSeconds(20), Duration.ofSeconds(15), RETRY);
        Replica a = replica("a", MockKubernetes.client(), null, longLease);
        await().atMost(Duration.ofSeconds(5)).until(a::leads);
        Replica b = replica("b", MockKubernetes.client(), null, longLease);

        long stoppedAt = System.nanoTime();
        a.election.stop();

        assertThat(a.listener.events).containsExactly("start", "finish", "stop");
        await().atMost(Duration.ofSeconds(10)).until(b::leads);
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(longLease.leaseDuration());
    }

    @Test
    void aLeaderCutOffFromTheApiServerStopsAndTheStandbyTakesOverAfterTheLease() throws Exception {
        TcpProxy proxy = new TcpProxy(URI.create(MockKubernetes.url()).getPort());
        resources.add(proxy);
        KubernetesClient throughProxy = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(MockKubernetes.client().getConfiguration())
                        .withMasterUrl("http://localhost:" + proxy.port())
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build();
        resources.add(throughProxy);
        Replica a = replica("a", throughProxy);
        await().atMost(Duration.ofSeconds(5)).until(a::leads);
        Replica b = replica("b", MockKubernetes.client());

        proxy.cut();

        // The cut-off leader gives up at its renew deadline, before anyone else may take over.
        await().atMost(Duration.ofSeconds(5)).until(() -> a.listener.events.contains("stop"));
        await().atMost(LEASE.plus(RETRY.multipliedBy(4))).until(b::leads);
        assertThat(a.leads()).isFalse();
    }

    @Test
    void aLeaseLeftByADeadHolderWithItsClockAheadIsTakenOverAfterTheLeaseDuration() {
        ZonedDateTime anHourAhead = ZonedDateTime.now(ZoneOffset.UTC).plusHours(1);
        MockKubernetes.client()
                .leases()
                .inNamespace(NAMESPACE)
                .resource(new LeaseBuilder()
                        .withNewMetadata()
                        .withName(leaseName)
                        .endMetadata()
                        .withNewSpec()
                        .withHolderIdentity("dead-holder")
                        .withLeaseDurationSeconds(2)
                        .withAcquireTime(anHourAhead)
                        .withRenewTime(anHourAhead)
                        .withLeaseTransitions(0)
                        .endSpec()
                        .build())
                .create();
        long startedAt = System.nanoTime();

        Replica a = replica("a", MockKubernetes.client());

        await().atMost(Duration.ofSeconds(6)).until(a::leads);
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isGreaterThanOrEqualTo(LEASE);
        Lease lease = MockKubernetes.client()
                .leases()
                .inNamespace(NAMESPACE)
                .withName(leaseName)
                .get();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(a.identity());
    }

    @Test
    void aSlowListenerDoesNotDelayRenewals() {
        CountDownLatch never = new CountDownLatch(1);
        Replica a = replica("a", MockKubernetes.client(), never);
        await().atMost(Duration.ofSeconds(5)).until(() -> holder().equals(a.identity()));
        ZonedDateTime firstRenewal = renewTime();

        // The listener is still blocked in startLeading, yet the lease keeps being renewed: nobody takes over.
        await().atMost(Duration.ofSeconds(5)).until(() -> renewTime().isAfter(firstRenewal.plus(LEASE)));
        Replica b = replica("b", MockKubernetes.client());
        await().during(LEASE.plus(RETRY)).atMost(LEASE.multipliedBy(3)).until(() -> !b.leads());
        never.countDown();
    }

    @Test
    void aLeaderThatLostTheLeaseTakesPartAgainWithANewElector() {
        Replica a = replica("a", MockKubernetes.client());
        await().atMost(Duration.ofSeconds(5)).until(a::leads);
        Replica b = replica("b", MockKubernetes.client());

        a.election.stop();
        await().atMost(Duration.ofSeconds(10)).until(b::leads);
        a.election.start();
        b.election.stop();

        await().atMost(Duration.ofSeconds(10)).until(a::leads);
        // The status reads leader before the elector's thread has called the listener.
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(a.listener.events).containsExactly("start", "finish", "stop", "start"));
    }

    private String holder() {
        Lease lease = MockKubernetes.client()
                .leases()
                .inNamespace(NAMESPACE)
                .withName(leaseName)
                .get();
        return lease == null ? "" : lease.getSpec().getHolderIdentity();
    }

    private ZonedDateTime renewTime() {
        return MockKubernetes.client()
                .leases()
                .inNamespace(NAMESPACE)
                .withName(leaseName)
                .get()
                .getSpec()
                .getRenewTime();
    }

    private Replica replica(String name, KubernetesClient client) {
        return replica(name, client, null);
    }

    private Replica replica(String name, KubernetesClient client, CountDownLatch blockStart) {
        return replica(name, client, blockStart, SETTINGS);
    }

    private Replica replica(
            String name, KubernetesClient client, CountDownLatch blockStart, LeaderElectionSettings settings) {
        String identity = name + "-" + UUID.randomUUID();
        LeadershipStatus status = new LeadershipStatus(identity, Clock.systemUTC());
        RecordingListener listener = new RecordingListener(blockStart);
        LeaseElection election = new LeaseElection(
                client,
                settings,
                new LocallyTimedLock(
                        new LeaseLock(NAMESPACE, leaseName, identity), NAMESPACE, status, Clock.systemUTC()),
                status,
                listener);
        elections.add(election);
        election.start();
        return new Replica(election, status, listener);
    }

    private record Replica(LeaseElection election, LeadershipStatus status, RecordingListener listener) {

        boolean leads() {
            return status.view().role() == Role.LEADER;
        }

        String identity() {
            return status.identity();
        }
    }

    private static final class RecordingListener implements LeadershipListener {

        final List<String> events = new CopyOnWriteArrayList<>();
        private final CountDownLatch blockStart;

        RecordingListener(CountDownLatch blockStart) {
            this.blockStart = blockStart;
        }

        @Override
        public void startLeading() {
            events.add("start");
            if (blockStart != null) {
                try {
                    blockStart.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void stopLeading() {
            events.add("stop");
        }

        @Override
        public void finishLeading() {
            events.add("finish");
        }
    }
}
