package io.kubeeventbridge.kubernetes;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.LeaderElectionSettings;
import io.kubeeventbridge.leadership.LeadershipListener;
import io.kubeeventbridge.leadership.LeadershipStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The election of the one replica that publishes, on a Lease ({@code bridge.leader-election}). */
@Configuration(proxyBeanMethods = false)
class LeaderElectionConfiguration {

    private static final Path SERVICE_ACCOUNT_NAMESPACE =
            Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    @Bean
    LeadershipStatus leadershipStatus(BridgeProperties properties) {
        return new LeadershipStatus(identity(properties.leaderElection()), Clock.systemUTC());
    }

    /**
     * The elector checks its renew deadline only between requests, so a request that hangs, or that the shared
     * client retries with backoff for minutes, would keep a cut-off leader believing it leads long after its lease
     * ran out: the election has a client of its own, giving each request one retry period and no retries.
     */
    @Bean(destroyMethod = "close")
    ElectionClient electionClient(KubernetesClient client, BridgeProperties properties) {
        int timeout = Math.toIntExact(properties.leaderElection().retryPeriod().toMillis());
        return new ElectionClient(KubernetesClients.create(new ConfigBuilder(client.getConfiguration())
                .withRequestRetryBackoffLimit(0)
                .withRequestTimeout(timeout)
                .withConnectionTimeout(timeout)
                .build()));
    }

    @Bean
    LeaseElection leaseElection(
            ElectionClient electionClient,
            BridgeProperties properties,
            LeadershipStatus status,
            LeadershipListener listener) {
        LeaderElectionSettings settings = properties.leaderElection();
        KubernetesClient client = electionClient.client();
        String namespace = namespace(settings, client);
        LeaseLock lease = new LeaseLock(namespace, settings.leaseNameFor(properties.clusterName()), status.identity());
        return new LeaseElection(
                client, settings, new LocallyTimedLock(lease, namespace, status, Clock.systemUTC()), status, listener);
    }

    /** The election's own client, closed with the context; not a {@link KubernetesClient} bean, so never injected. */
    record ElectionClient(KubernetesClient client) implements AutoCloseable {

        @Override
        public void close() {
            client.close();
        }
    }

    /** The configured identity, else the host name and 8 random hex digits, so two processes on one host differ. */
    static String identity(LeaderElectionSettings settings) {
        if (settings.identity() != null) {
            return settings.identity();
        }
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("kube-event-bridge");
        return host + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /** The configured namespace, else the pod's, else the Kubernetes client's, else {@code default}. */
    static String namespace(LeaderElectionSettings settings, KubernetesClient client) {
        if (settings.leaseNamespace() != null) {
            return settings.leaseNamespace();
        }
        String pod = System.getenv("POD_NAMESPACE");
        if (pod != null && !pod.isBlank()) {
            return pod.trim();
        }
        try {
            return Files.readString(SERVICE_ACCOUNT_NAMESPACE).trim();
        } catch (IOException notInAPod) {
            return Optional.ofNullable(client.getNamespace()).orElse("default");
        }
    }
}
