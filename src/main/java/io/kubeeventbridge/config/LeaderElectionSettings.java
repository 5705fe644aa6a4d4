package io.kubeeventbridge.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether replicas elect one publisher through a Kubernetes {@code Lease}. Every replica watches and serves queries;
 * only the leader publishes.
 *
 * @param enabled elect a leader; off, this replica always publishes
 * @param leaseName the Lease's name; default {@code kube-event-bridge-{cluster-name}}
 * @param leaseNamespace the Lease's namespace; default the pod's ({@code POD_NAMESPACE}, else the service account's
 *     namespace file, else the Kubernetes client's namespace)
 * @param identity this replica's name in the Lease; default {@code {HOSTNAME}-{8 random hex}}, so that two processes
 *     on one host differ
 * @param leaseDuration how long a Lease not renewed keeps others from taking over, counted from when this replica saw
 *     it change (not from the holder's clock)
 * @param renewDeadline how long the leader keeps trying to renew before it stops publishing
 * @param retryPeriod how often candidates try to acquire, and the leader renews
 */
public record LeaderElectionSettings(
        @DefaultValue("false") boolean enabled,

        @Pattern(
                regexp = "[a-z0-9]([-a-z0-9.]*[a-z0-9])?",
                message = "must be a Kubernetes object name (lower-case letters, digits, '-' and '.')")
        String leaseName,

        @Pattern(
                regexp = "[a-z0-9]([-a-z0-9]*[a-z0-9])?",
                message = "must be a namespace name (lower-case letters, digits and '-')")
        String leaseNamespace,

        String identity,
        @DefaultValue("15s") @NotNull Duration leaseDuration,
        @DefaultValue("10s") @NotNull Duration renewDeadline,
        @DefaultValue("2s") @NotNull Duration retryPeriod) {

    /** The Lease's name for {@code clusterName} when none is configured. */
    public String leaseNameFor(String clusterName) {
        return leaseName != null ? leaseName : "kube-event-bridge-" + clusterName;
    }
}
