package io.kubeeventbridge.informer;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.discovery.ContradictoryEntryException;
import io.kubeeventbridge.discovery.DiscoveryAccessException;
import io.kubeeventbridge.discovery.DiscoveryUnavailableException;
import io.kubeeventbridge.discovery.ResourceResolver;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.WatchedEntry.State;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entries that name one resource each (all but group entries): resolved through discovery at startup, checked
 * for two entries of one type, watched; those the API server does not serve yet, or did not answer for, are looked up
 * again every retry interval.
 */
final class ResourceEntries {

    private static final Logger log = LoggerFactory.getLogger(ResourceEntries.class);

    private final BridgeProperties properties;
    private final ResourceResolver resolver;
    private final EntryInformers informers;
    private final List<WatchedEntry> entries = new CopyOnWriteArrayList<>();

    ResourceEntries(BridgeProperties properties, ResourceResolver resolver, EntryInformers informers) {
        this.properties = properties;
        this.resolver = resolver;
        this.informers = informers;
    }

    /**
     * Resolves every entry, starting no informer yet.
     *
     * @throws DiscoveryAccessException when the API server refuses discovery
     */
    void lookUp(DiscoveryDeadline deadline) {
        entries.clear();
        List<ResourceProperties> configured = properties.resources();
        for (int index = 0; index < configured.size(); index++) {
            if (!configured.get(index).isGroupEntry()) {
                WatchedEntry entry = WatchedEntry.missing(WatchedEntry.property(index), configured.get(index), null);
                entries.add(resolve(entry, config -> deadline.lookUp(timeout -> resolver.resolve(config, timeout))));
            }
        }
    }

    /** Marks every watched entry whose type an earlier entry already watches, and returns every rejected entry. */
    List<WatchedEntry> rejectDuplicates() {
        for (int index = 0; index < entries.size(); index++) {
            WatchedEntry entry = entries.get(index);
            if (entry.state() != State.WATCHED) {
                continue;
            }
            Optional<WatchedEntry> earlier = sameType(entries.subList(0, index), entry);
            if (earlier.isPresent()) {
                entries.set(
                        index,
                        entry.rejected(
                                entry.type(),
                                "watches " + entry.type() + " like "
                                        + earlier.get().property()));
            }
        }
        return inState(State.REJECTED);
    }

    /** Starts the informers of every entry resolved. */
    void watch() {
        inState(State.WATCHED).forEach(entry -> informers.start(entry.describe(), entry.entry(), entry.type()));
    }

    /** Looks every missing entry up again, and watches those now served. */
    void retryMissing() {
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
    }

    List<WatchedEntry> inState(State state) {
        return entries.stream().filter(entry -> entry.state() == state).toList();
    }

    /** The state of every entry, in configuration order. */
    List<WatchedEntry> states() {
        return List.copyOf(entries);
    }

    /** Starts watching an entry that appeared after startup, unless another entry already watches its type. */
    private WatchedEntry admitLate(WatchedEntry resolved) {
        Optional<WatchedEntry> sameType = sameType(entries, resolved);
        if (sameType.isPresent()) {
            WatchedEntry rejected = resolved.rejected(
                    resolved.type(),
                    "watches " + resolved.type() + " like " + sameType.get().property() + "; merge the two entries");
            log.error("{} {}; ignoring it", rejected.describe(), rejected.problem());
            return rejected;
        }
        log.info("{} is now served; watching it", resolved.describe());
        informers.start(resolved.describe(), resolved.entry(), resolved.type());
        return resolved;
    }

    /** @param lookup the entry's type, or empty when it is not served */
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

    private static Optional<WatchedEntry> sameType(List<WatchedEntry> among, WatchedEntry candidate) {
        return among.stream()
                .filter(other -> other.state() == State.WATCHED && other.type().equals(candidate.type()))
                .findFirst();
    }
}
