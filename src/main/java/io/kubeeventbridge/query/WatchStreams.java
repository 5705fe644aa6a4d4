package io.kubeeventbridge.query;

import io.kubeeventbridge.config.QuerySettings;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.ResourceCache;
import io.kubeeventbridge.informer.ResourceVersionExpiredException;
import io.kubeeventbridge.informer.Subscription;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.DoubleSupplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens watches: at most {@code bridge.query.max-watches} at once (429 beyond, with Retry-After), only on synced
 * caches (503 before), from a servable resourceVersion (410 otherwise), each on a thread of its own that ends with
 * the watch, after {@code timeoutSeconds} or the randomised {@code bridge.query.watch-timeout}.
 */
final class WatchStreams {

    // The container ends a request this long after the watch should have: the last resort for a thread blocked
    // writing to a client that stopped reading.
    private static final Duration CONTAINER_GRACE = Duration.ofMinutes(1);

    private final QuerySettings settings;
    private final JsonMapper json;
    private final TableRenderer tables;
    private final Executor threads;
    private final DoubleSupplier random;
    private final Semaphore permits;
    private final Map<ResourceType, EventLines> lines = new ConcurrentHashMap<>();

    /** @param random uniform in [0, 1), to spread the server's watch timeouts */
    WatchStreams(
            QuerySettings settings, JsonMapper json, TableRenderer tables, Executor threads, DoubleSupplier random) {
        this.settings = settings;
        this.json = json;
        this.tables = tables;
        this.threads = threads;
        this.random = random;
        this.permits = new Semaphore(settings.maxWatches());
    }

    /**
     * A watch of {@code cache} in {@code namespace} (all when {@code null}), or the Status that refuses it.
     *
     * @param table whether the client asked for {@code Table} rows
     */
    ResponseEntity<Object> open(
            ResourceCache cache, String namespace, ListOptions selectors, WatchOptions options, boolean table) {
        if (!cache.synced()) {
            return StatusResponses.unavailable(cache.type());
        }
        if (!permits.tryAcquire()) {
            return StatusResponses.tooManyRequests("the bridge serves at most " + settings.maxWatches()
                    + " watches at once (bridge.query.max-watches); try again later");
        }
        boolean started = false;
        try {
            Duration timeout = options.timeout() != null ? options.timeout() : serverTimeout();
            Watcher watcher = new Watcher(
                    new WatchFilter(namespace, selectors),
                    new WatchEvents(
                            cache.type(),
                            json,
                            lines.computeIfAbsent(cache.type(), type -> new EventLines()),
                            table ? tables : null),
                    options,
                    settings.watchBookmarkInterval(),
                    System.nanoTime() + timeout.toNanos(),
                    cache.type().toString());
            String start = options.initialEvents()
                    ? null
                    : options.resourceVersion() != null
                            ? options.resourceVersion()
                            : cache.changes().resourceVersion();
            Subscription subscription = cache.changes().subscribe(start, watcher);
            WatchEmitter emitter =
                    new WatchEmitter(timeout.plus(CONTAINER_GRACE).toMillis());
            emitter.onTimeout(watcher::stop);
            emitter.onError(error -> watcher.stop());
            threads.execute(() -> {
                try {
                    watcher.run(subscription, emitter);
                } finally {
                    permits.release();
                }
            });
            started = true;
            return ResponseEntity.ok()
                    .contentType(table ? TableRenderer.TABLE : MediaType.APPLICATION_JSON)
                    .body(emitter);
        } catch (ResourceVersionExpiredException e) {
            return StatusResponses.expired(e.getMessage());
        } finally {
            if (!started) {
                permits.release();
            }
        }
    }

    /** As the API server's: between the configured timeout and twice it, so that clients reconnect apart. */
    private Duration serverTimeout() {
        return Duration.ofMillis((long) (settings.watchTimeout().toMillis() * (1 + random.getAsDouble())));
    }
}
