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
    private final List<WatchedEntry> entries = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService retries;
    private volatile boolean running;

    WatchCoordinator(
            BridgeProperties properties,
            ResourceResolver resolver,
            InformerRegistry informers,
            ChangeListenerFactory listeners,
            ObjectFilterFactory filters) {
        this.properties = properties;
        this.resolver = resolver;
        this.informers = informers;
        this.entryInformers = new EntryInformers(informers, listeners, filters);
    }

    /** The state of every configured entry, in configuration order; empty before start. */
    public List<WatchedEntry> entries() {
        return List.copyOf(entries);
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
            WatchedEntry entry = WatchedEntry.missing(WatchedEntry.property(index), configured.get(index), null);
            entries.add(resolve(entry, config -> deadline.lookUp(timeout -> resolver.resolve(config, timeout))));
        }
        List<WatchedEntry> missing = inState(State.MISSING);
        if (!missing.isEmpty() && properties.informer().missingResource() == MissingResourcePolicy.FAIL) {
            throw deadline.passed()
                    ? StartupFailures.unanswered(resolver.server(), deadline, describe(missing, ""))
                    : StartupFailures.missing(describe(missing, " is "));
        }
        rejectDuplicates();
        List<WatchedEntry> rejected = inState(State.REJECTED);
        if (!rejected.isEmpty()) {
            throw StartupFailures.rejected(describe(rejected, " "));
        }
        inState(State.WATCHED).forEach(entry -> entryInformers.start(entry.describe(), entry.entry(), entry.type()));
        missing.forEach(entry -> log.warn(
                "{} is {}; watching it as soon as it appears (looking again every {})",
                entry.describe(),
                entry.problem(),
                properties.informer().discoveryRetryInterval()));
        if (!missing.isEmpty()) {
            long interval = properties.informer().discoveryRetryInterval().toMillis();
            retries = BackgroundThreads.scheduler("discovery-retry");
            retries.scheduleWithFixedDelay(this::retryMissing, interval, interval, TimeUnit.MILLISECONDS);
        }
        running = true;
    }

    private synchronized void retryMissing() {
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
        if (inState(State.MISSING).isEmpty()) {
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
