package io.kubeeventbridge.bridge;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.InformerSettings.MissingResourcePolicy;
import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.discovery.ResourceResolver;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.ChangeListener;
import io.kubeeventbridge.informer.InformerTarget;
import io.kubeeventbridge.informer.SharedInformers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Turns the configured entries into running informers: resolves each through discovery, starts one informer per
 * namespace (or one for all), and, under the {@code wait} policy, keeps looking for entries the API server does not
 * serve yet (a CRD installed later is watched within one retry interval of appearing).
 */
public final class WatchCoordinator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WatchCoordinator.class);

    private final BridgeProperties properties;
    private final ResourceResolver resolver;
    private final SharedInformers informers;
    private final BiFunction<ResourceProperties, ResourceType, ChangeListener> listeners;
    private final List<WatchedEntry> entries = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "discovery-retry");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    WatchCoordinator(
            BridgeProperties properties,
            ResourceResolver resolver,
            SharedInformers informers,
            BiFunction<ResourceProperties, ResourceType, ChangeListener> listeners) {
        this.properties = properties;
        this.resolver = resolver;
        this.informers = informers;
        this.listeners = listeners;
    }

    /** The state of every configured entry, in configuration order; empty before start. */
    public List<WatchedEntry> entries() {
        return List.copyOf(entries);
    }

    public SharedInformers informers() {
        return informers;
    }

    @Override
    public void start() {
        List<ResourceProperties> configured = properties.resources();
        for (int index = 0; index < configured.size(); index++) {
            entries.add(WatchedEntry.missing("bridge.resources[" + index + "]", configured.get(index)));
        }
        List<WatchedEntry> missing = resolveMissing();
        if (!missing.isEmpty()) {
            if (properties.informer().missingResource() == MissingResourcePolicy.FAIL) {
                throw new MissingResourcesException(missing);
            }
            missing.forEach(entry -> log.warn(
                    "{} is {}; watching it as soon as it appears (looking again every {})",
                    entry.describe(),
                    WatchedEntry.NOT_SERVED,
                    properties.informer().discoveryRetryInterval()));
            long interval = properties.informer().discoveryRetryInterval().toMillis();
            retries.scheduleWithFixedDelay(this::retryMissing, interval, interval, TimeUnit.MILLISECONDS);
        }
        running = true;
    }

    private void retryMissing() {
        try {
            if (resolveMissing().isEmpty()) {
                retries.shutdown();
            }
        } catch (RuntimeException e) {
            log.warn("Looking for missing resources failed; trying again later: {}", e.getMessage());
        }
    }

    /** Resolves every entry still missing, starts watching those found, and returns those still missing. */
    private synchronized List<WatchedEntry> resolveMissing() {
        List<WatchedEntry> stillMissing = new ArrayList<>();
        for (int index = 0; index < entries.size(); index++) {
            WatchedEntry entry = entries.get(index);
            if (!entry.isMissing()) {
                continue;
            }
            Optional<ResourceType> resolved = resolver.resolve(entry.entry());
            if (resolved.isEmpty()) {
                stillMissing.add(entry);
                continue;
            }
            entries.set(index, watch(entry, resolved.get()));
        }
        return stillMissing;
    }

    private WatchedEntry watch(WatchedEntry entry, ResourceType type) {
        Optional<WatchedEntry> sameType = entries.stream()
                .filter(other -> other.isWatched() && other.type().equals(type))
                .findFirst();
        if (sameType.isPresent()) {
            String why = "watches " + type + " like " + sameType.get().property() + "; merge the two entries";
            log.error("{} {}; ignoring it", entry.describe(), why);
            return entry.rejected(type, why);
        }
        ResourceProperties config = entry.entry();
        ChangeListener listener = listeners.apply(config, type);
        List<String> namespaces = type.namespaced() ? config.namespaces() : List.of();
        if (!type.namespaced() && !config.namespaces().isEmpty()) {
            log.warn("{} is cluster-scoped; ignoring its namespaces {}", entry.describe(), config.namespaces());
        }
        if (namespaces.isEmpty()) {
            informers.watch(new InformerTarget(type, null, config.labelSelector(), config.fieldSelector()), listener);
        } else {
            namespaces.forEach(namespace -> informers.watch(
                    new InformerTarget(type, namespace, config.labelSelector(), config.fieldSelector()), listener));
        }
        return entry.watching(type);
    }

    @Override
    public void stop() {
        running = false;
        retries.shutdownNow();
        informers.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
