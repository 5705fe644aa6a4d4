package io.kubeeventbridge.informer;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.InformerSettings.MissingResourcePolicy;
import io.kubeeventbridge.discovery.ResourceResolver;
import io.kubeeventbridge.informer.WatchedEntry.State;
import io.kubeeventbridge.lifecycle.BackgroundThreads;
import io.kubeeventbridge.lifecycle.LifecyclePhases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Turns the configured entries into running informers: resolves every entry through discovery, within
 * {@code bridge.informer.discovery-timeout}, applies the missing-resource policy, then starts one informer per
 * namespace (or one for all) of each resource. Every retry interval it looks again for what the API server does not
 * serve yet, or did not answer for in time, so a CRD installed later is watched within one interval of appearing; and
 * at the groups of group entries that may have changed.
 */
public final class WatchCoordinator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WatchCoordinator.class);

    private final BridgeProperties properties;
    private final ResourceResolver resolver;
    private final InformerFactory informers;
    private final ResourceEntries entries;
    private final GroupWatches groups;
    private ScheduledExecutorService retries;
    private volatile boolean running;

    WatchCoordinator(
            BridgeProperties properties,
            ResourceResolver resolver,
            InformerFactory informers,
            ResourceEntries entries,
            GroupWatches groups) {
        this.properties = properties;
        this.resolver = resolver;
        this.informers = informers;
        this.entries = entries;
        this.groups = groups;
    }

    /** The state of every configured entry but group entries, in configuration order; empty before start. */
    public List<WatchedEntry> entries() {
        return entries.states();
    }

    /** The state of every group entry ({@code api-version: group/*}), in configuration order; empty before start. */
    public List<WatchedGroup> groups() {
        return groups.states();
    }

    /** How group entries learn of CRDs coming and going: by watching them, or by polling discovery. */
    public String groupTracking() {
        return groups.tracking();
    }

    @Override
    public synchronized void start() {
        // A lifecycle may be stopped and started again (a paused test context is): start from scratch.
        informers.open();
        DiscoveryDeadline deadline = new DiscoveryDeadline(
                properties.informer().discoveryTimeout(), properties.informer().discoveryRetryInterval());
        entries.lookUp(deadline);
        groups.lookUp(deadline);
        if (properties.informer().missingResource() == MissingResourcePolicy.FAIL) {
            failIfMissing(deadline);
        }
        List<WatchedEntry> rejected = entries.rejectDuplicates();
        if (!rejected.isEmpty()) {
            throw StartupFailures.rejected(describe(rejected, " "));
        }
        entries.watch();
        groups.watch();
        missing(" is ")
                .forEach(missing -> log.warn(
                        "{}; watching it as soon as it appears (looking again every {})",
                        missing,
                        properties.informer().discoveryRetryInterval()));
        if (!entries.inState(State.MISSING).isEmpty() || !groups.isEmpty()) {
            long interval = properties.informer().discoveryRetryInterval().toMillis();
            retries = BackgroundThreads.scheduler("discovery-retry");
            retries.scheduleWithFixedDelay(this::lookAgain, interval, interval, TimeUnit.MILLISECONDS);
        }
        running = true;
    }

    private void failIfMissing(DiscoveryDeadline deadline) {
        if (deadline.passed()) {
            throw StartupFailures.unanswered(resolver.server(), deadline, missing(""));
        }
        List<String> missing = missing(" is ");
        if (!missing.isEmpty()) {
            throw StartupFailures.missing(missing);
        }
    }

    /** Every entry and group entry the API server does not serve, or did not answer for. */
    private List<String> missing(String beforeProblem) {
        List<String> missing = new ArrayList<>(describe(entries.inState(State.MISSING), beforeProblem));
        groups.missing().stream()
                .map(group -> group.describe() + (beforeProblem.isEmpty() ? "" : beforeProblem + group.problem()))
                .forEach(missing::add);
        return missing;
    }

    /** Every retry interval: missing entries, and groups that may have changed. */
    private synchronized void lookAgain() {
        if (!running) {
            return;
        }
        entries.retryMissing();
        groups.refresh();
        if (entries.inState(State.MISSING).isEmpty() && groups.isEmpty()) {
            retries.shutdown();
        }
    }

    private static List<String> describe(List<WatchedEntry> entries, String beforeProblem) {
        return entries.stream()
                .map(entry -> entry.describe() + (beforeProblem.isEmpty() ? "" : beforeProblem + entry.problem()))
                .toList();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (retries != null) {
            retries.shutdownNow();
        }
        groups.stop();
        informers.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return LifecyclePhases.INFORMERS;
    }
}
