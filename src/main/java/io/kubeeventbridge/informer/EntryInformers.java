package io.kubeeventbridge.informer;

import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.event.ResourceType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the informers of a configured entry for one resolved type, with the entry's listener and payload filter:
 * one per listed namespace, or one for all namespaces. Stops them again when the type goes away.
 */
final class EntryInformers {

    private static final Logger log = LoggerFactory.getLogger(EntryInformers.class);

    private final InformerFactory informers;
    private final ChangeListenerFactory listeners;
    private final ObjectFilterFactory filters;
    private final Map<ResourceType, ChangeListener> started = new ConcurrentHashMap<>();

    EntryInformers(InformerFactory informers, ChangeListenerFactory listeners, ObjectFilterFactory filters) {
        this.informers = informers;
        this.listeners = listeners;
        this.filters = filters;
    }

    /** @param name the entry, for the log, e.g. {@code bridge.resources[2] (example.com/*)} */
    void start(String name, ResourceProperties entry, ResourceType type) {
        if (!type.namespaced() && !entry.namespaces().isEmpty()) {
            log.warn("{} is cluster-scoped; ignoring the namespaces {} of {}", type, entry.namespaces(), name);
        }
        ChangeListener listener = listeners.listenerFor(entry, type);
        started.put(type, listener);
        ObjectFilter filter = filters.filterFor(entry, type);
        List<String> namespaces = type.namespaced() ? entry.namespaces() : List.of();
        List<String> scopes = namespaces.isEmpty() ? Collections.singletonList(null) : namespaces;
        for (String namespace : scopes) {
            informers.watch(
                    new InformerTarget(type, namespace, entry.labelSelector(), entry.fieldSelector()),
                    listener,
                    filter);
        }
    }

    /** Stops the informers of {@code type} and drops its cache; its listener is told, and publishes nothing more. */
    void stop(ResourceType type) {
        informers.unwatch(type);
        ChangeListener listener = started.remove(type);
        if (listener != null) {
            listener.onStopped();
        }
    }
}
