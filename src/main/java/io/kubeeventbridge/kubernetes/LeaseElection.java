package io.kubeeventbridge.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectorBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import io.kubeeventbridge.config.LeaderElectionSettings;
import io.kubeeventbridge.leadership.LeadershipListener;
import io.kubeeventbridge.leadership.LeadershipStatus;
import io.kubeeventbridge.leadership.LeadershipStatus.Role;
import io.kubeeventbridge.lifecycle.BackgroundThreads;
import io.kubeeventbridge.lifecycle.LifecyclePhases;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Takes part in the election for the bridge's Lease with fabric8's {@code LeaderElector}, and starts and stops the
 * {@link LeadershipListener} with the outcome. Works around three properties of that elector:
 *
 * <ul>
 *   <li>it runs once: after losing leadership it is done, so each round builds a new one;
 *   <li>it calls back inside its renew loop: callbacks only hand over to a thread of this class, so a slow start or
 *       stop of publishing never delays a renewal;
 *   <li>it trusts the holder's clock: its lock is a {@link LocallyTimedLock}.
 * </ul>
 *
 * On graceful stop the lease is released ({@code releaseOnCancel}), so a standby takes over within a retry period.
 * With election disabled this replica leads from start to stop; its term begins as it starts, before the informers do,
 * so that nothing they observe goes unpublished.
 */
final class LeaseElection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaseElection.class);

    private final KubernetesClient client;
    private final LeaderElectionSettings settings;
    private final Lock lock;
    private final LeadershipStatus status;
    private final LeadershipListener listener;
    private ExecutorService electors;
    private ExecutorService callbacks;
    private volatile CompletableFuture<?> round;
    private volatile boolean running;

    LeaseElection(
            KubernetesClient client,
            LeaderElectionSettings settings,
            Lock lock,
            LeadershipStatus status,
            LeadershipListener listener) {
        this.client = client;
        this.settings = settings;
        this.lock = lock;
        this.status = status;
        this.listener = listener;
    }

    @Override
    public synchronized void start() {
        callbacks = Executors.newSingleThreadExecutor(BackgroundThreads.daemons("leadership"));
        running = true;
        if (!settings.enabled()) {
            log.info("Leader election is off (bridge.leader-election.enabled): this replica publishes");
            // On this thread, before the informers start: what they observe from the first moment is published.
            status.role(Role.LEADER);
            listener.startLeading();
            return;
        }
        electors = Executors.newCachedThreadPool(BackgroundThreads.daemons("leader-election"));
        log.info("Taking part in the election for {} as {}", lock.describe(), lock.identity());
        nextRound();
    }

    private void nextRound() {
        if (!running) {
            return;
        }
        LeaderElectionConfig config = new LeaderElectionConfig(
                lock,
                settings.leaseDuration(),
                settings.renewDeadline(),
                settings.retryPeriod(),
                new LeaderCallbacks(this::startedLeading, this::stoppedLeading, status::holder),
                true,
                lock.describe());
        CompletableFuture<?> next = new LeaderElectorBuilder(client, electors)
                .withConfig(config)
                .build()
                .start();
        round = next;
        // The elector is done once it has lost the lease (or was cancelled): a new one takes part again.
        next.whenComplete((ignored, failure) -> nextRound());
    }

    // The role changes at once, on fabric8's thread; the listener follows on ours, in order.
    private void startedLeading() {
        if (status.role(Role.LEADER)) {
            callbacks.execute(listener::startLeading);
        }
    }

    // fabric8 may report the end of a leadership twice (the holder changed, then the renew loop ended).
    private void stoppedLeading() {
        if (status.role(Role.STANDBY)) {
            callbacks.execute(listener::stopLeading);
        }
    }

    /**
     * Finishes publishing while still holding the lease, so that no standby fences this replica's last transactions,
     * then releases it (or, with election off, simply stops leading).
     */
    @Override
    public synchronized void stop() {
        running = false;
        if (status.view().role() == Role.LEADER) {
            awaitCallback(callbacks.submit(listener::finishLeading));
        }
        if (round != null) {
            round.cancel(true); // the elector releases the lease and reports the end of its leadership
            round = null;
        } else {
            stoppedLeading();
        }
        shutdown(callbacks);
        if (electors != null) {
            shutdown(electors);
        }
    }

    private void awaitCallback(Future<?> callback) {
        try {
            callback.get();
        } catch (ExecutionException e) {
            log.warn("Finishing the publishing term failed: {}", e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void shutdown(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(settings.renewDeadline().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Leadership callbacks did not finish within {}", settings.renewDeadline());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the informers and stops after them, so that finishing a term publishes all they handed over. */
    @Override
    public int getPhase() {
        return LifecyclePhases.PUBLISHING;
    }
}
