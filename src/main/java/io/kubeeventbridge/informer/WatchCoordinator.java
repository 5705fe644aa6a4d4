package io.kubeeventbridge.informer;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.InformerSettings.MissingResourcePolicy;
import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.discovery.ContradictoryEntryException;
import io.kubeeventbridge.discovery.DiscoveryAccessException;
import io.kubeeventbridge.discovery.DiscoveryUnavailableException;
import io.kubeeventbridge.discovery.ResourceResolver;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.WatchedEntry.State;
import io.kubeeventbridge.lifecycle.BackgroundThreads;
import io.kubeeventbridge.lifecycle.LifecyclePhases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Turns the configured entries into running informers: resolves every entry through discovery, within
 * {@code bridge.informer.discovery-timeout}, applies the missing-resource policy, then starts one informer per
 * namespace (or one for all). Under the {@code wait} policy it keeps looking for entries the API server does not
 * serve yet, or did not answer for in time, so a CRD installed later is watched within one retry interval of
 * appearing.
 */
public final class WatchCoordinator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WatchCoordinator.class);

    private final BridgeProperties properties;
    private final ResourceResolver resolver;
    private final InformerRegistry informers;
    private final EntryInformers entryInformers;
    private final GroupWatches groups;
    private final List<WatchedEntry> entries = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService retries;
    private volatile boolean running;

    WatchCoordinator(
            BridgeProperties properties,
            ResourceResolver resolver,
            InformerRegistry informers,
            EntryInformers entryInformers,
            GroupWatches groups) {
        this.properties = properties;
        this.resolver = resolver;
        this.informers = informers;
        this.entryInformers = entryInformers;
        this.groups = groups;
    }

    /** The state of every configured entry but group entries, in configuration order; empty before start. */
    public List<WatchedEntry> entries() {
        return List.copyOf(entries);
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
        entries.clear();
        informers.open();
        DiscoveryDeadline deadline = new DiscoveryDeadline(
                properties.informer().discoveryTimeout(), properties.informer().discoveryRetryInterval());
        List<ResourceProperties> configured = properties.resources();
        for (int index = 0; index < configured.size(); index++) {
            if (!configured.get(index).isGroupEntry()) {
                WatchedEntry entry = WatchedEntry.missing(WatchedEntry.property(index), configured.get(index), null);
                entries.add(resolve(entry, config -> deadline.lookUp(timeout -> resolver.resolve(config, timeout))));
            }
        }
        groups.lookUp(deadline);
        if (properties.informer().missingResource() == MissingResourcePolicy.FAIL) {
            failIfMissing(deadline);
        }
        rejectDuplicates();
        List<WatchedEntry> rejected = inState(State.REJECTED);
        if (!rejected.isEmpty()) {
            throw StartupFailures.rejected(describe(rejected, " "));
        }
        inState(State.WATCHED).forEach(entry -> entryInformers.start(entry.describe(), entry.entry(), entry.type()));
        groups.watch();
        missing(" is ")
                .forEach(missing -> log.warn(
                        "{}; watching it as soon as it appears (looking again every {})",
                        missing,
                        properties.informer().discoveryRetryInterval()));
        if (!inState(State.MISSING).isEmpty() || !groups.isEmpty()) {
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
        List<String> missing = new ArrayList<>(describe(inState(State.MISSING), beforeProblem));
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
        for (int index = 0; index < entries.size(); index++) {
            WatchedEntry entry = entries.get(index);
            if (entry.state() != State.MISSING) {
                continue;
            }
            WatchedEntry resolved = resolve(entry, this::lookUpAgain);
            if (resolved.state() == State.WATCHED) {
                entries.set(index, admitLate(resolved));
            } else if (resolved.state() == State.REJECTED) {
                log.error("{} {}; ignoring it", resolved.describe(), resolved.problem());
                entries.set(index, resolved);
            }
        }
        groups.refresh();
        if (inState(State.MISSING).isEmpty() && groups.isEmpty()) {
            retries.shutdown();
        }
    }

    /** Starts watching an entry that appeared after startup, unless another entry already watches its type. */
    private WatchedEntry admitLate(WatchedEntry resolved) {
        Optional<WatchedEntry> sameType = duplicateOf(resolved);
        if (sameType.isPresent()) {
            WatchedEntry rejected = resolved.rejected(
                    resolved.type(),
                    "watches " + resolved.type() + " like " + sameType.get().property() + "; merge the two entries");
            log.error("{} {}; ignoring it", rejected.describe(), rejected.problem());
            return rejected;
        }
        log.info("{} is now served; watching it", resolved.describe());
        entryInformers.start(resolved.describe(), resolved.entry(), resolved.type());
        return resolved;
    }

    /**
     * @param lookup the entry's type, or empty when it is not served
     */
    private static WatchedEntry resolve(
            WatchedEntry entry, Function<ResourceProperties, Optional<ResourceType>> lookup) {
        try {
            return lookup.apply(entry.entry())
                    .map(entry::watched)
                    .orElseGet(() -> WatchedEntry.missing(entry.property(), entry.entry(), WatchedEntry.NOT_SERVED));
        } catch (DiscoveryUnavailableException e) {
            return WatchedEntry.missing(
                    entry.property(), entry.entry(), "not resolved: discovery failed (" + e.getMessage() + ")");
        } catch (ContradictoryEntryException e) {
            return entry.rejected(null, e.getMessage());
        }
    }

    /** One lookup after startup, where a refusal is one more failure to report: stopping a running bridge is worse. */
    private Optional<ResourceType> lookUpAgain(ResourceProperties entry) {
        try {
            return resolver.resolve(entry, properties.informer().discoveryTimeout());
        } catch (DiscoveryAccessException e) {
            throw new DiscoveryUnavailableException(e.getMessage());
        }
    }

    /** Marks every watched entry whose type an earlier entry already watches. */
    private void rejectDuplicates() {
        for (int index = 0; index < entries.size(); index++) {
            WatchedEntry entry = entries.get(index);
            if (entry.state() != State.WATCHED) {
                continue;
            }
            for (WatchedEntry earlier : entries.subList(0, index)) {
                if (earlier.state() == State.WATCHED && earlier.type().equals(entry.type())) {
                    entries.set(
                            index,
                            entry.rejected(entry.type(), "watches " + entry.type() + " like " + earlier.property()));
                    break;
                }
            }
        }
    }

    private Optional<WatchedEntry> duplicateOf(WatchedEntry candidate) {
        return entries.stream()
                .filter(other -> other.state() == State.WATCHED && other.type().equals(candidate.type()))
                .findFirst();
    }

    private List<WatchedEntry> inState(State state) {
        return entries.stream().filter(entry -> entry.state() == state).toList();
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
