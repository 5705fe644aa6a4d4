package io.kubeeventbridge.query;

import io.kubeeventbridge.config.QuerySettings;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.ResourceCache;
import io.kubeeventbridge.informer.ResourceVersionExpiredException;
import io.kubeeventbridge.informer.Subscription;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens watches: at most {@code bridge.query.max-watches} at once (429 beyond, with Retry-After), only on synced
 * caches (503 before), from a servable resourceVersion (410 otherwise). Each streams with non-blocking I/O
 * ({@link WatchResponse}) from a few shared writer threads, until {@code timeoutSeconds} or the randomised
 * {@code bridge.query.watch-timeout}; a shared timer ends watches and makes their bookmarks due.
 */
final class WatchStreams implements AutoCloseable {

    // The container ends a request this long after the watch should have: the last resort for a client that stopped
    // reading, to which the watch's end can never be written.
    private static final Duration CONTAINER_GRACE = Duration.ofMinutes(1);

    private final QuerySettings settings;
    private final JsonMapper json;
    private final TableRenderer tables;
    private final ExecutorService writers;
    private final ScheduledExecutorService timer;
    private final DoubleSupplier random;
    private final Semaphore permits;
    private final WatchMetrics metrics;
    private final Map<ResourceType, EventLines> lines = new ConcurrentHashMap<>();

    /**
     * @param writers the threads that write every watch's response
     * @param timer ends watches and makes their bookmarks due
     * @param random uniform in [0, 1), to spread the server's watch timeouts
     * @param meters where the watches are counted ({@link WatchMetrics})
     */
    WatchStreams(
            QuerySettings settings,
            JsonMapper json,
            TableRenderer tables,
            ExecutorService writers,
            ScheduledExecutorService timer,
            DoubleSupplier random,
            MeterRegistry meters) {
        this.settings = settings;
        this.json = json;
        this.tables = tables;
        this.writers = writers;
        this.timer = timer;
        this.random = random;
        this.permits = new Semaphore(settings.maxWatches());
        this.metrics = new WatchMetrics(meters, () -> settings.maxWatches() - permits.availablePermits());
    }

    /**
     * Streams a watch of {@code cache} in {@code namespace} (all when {@code null}) to {@code response}, or answers
     * the Status that refuses it.
     *
     * @param table whether the client asked for {@code Table} rows
     * @return the refusal, or {@code null} once the watch streams (or its client has gone)
     */
    ResponseEntity<Object> open(
            ResourceCache cache,
            String namespace,
            ListOptions selectors,
            WatchOptions options,
            boolean table,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!cache.synced()) {
            return StatusResponses.unavailable(cache.type());
        }
        if (!permits.tryAcquire()) {
            metrics.refused();
            return StatusResponses.tooManyRequests("the bridge serves at most " + settings.maxWatches()
                    + " watches at once (bridge.query.max-watches); try again later");
        }
        Subscription subscription = null;
        Timers timers = null;
        boolean streaming = false;
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
                    cache.type().toString());
            String start = options.initialEvents()
                    ? null
                    : options.resourceVersion() != null
                            ? options.resourceVersion()
                            : cache.changes().resourceVersion();
            subscription = cache.changes().subscribe(start, watcher);
            timers = schedule(watcher, timeout, options.bookmarks());
            Subscription subscribed = subscription;
            Timers scheduled = timers;
            WatchResponse stream = WatchResponse.start(
                    request,
                    response,
                    watcher,
                    writers,
                    (table ? TableRenderer.TABLE : MediaType.APPLICATION_JSON).toString(),
                    timeout.plus(CONTAINER_GRACE).toMillis(),
                    () -> {
                        release(subscribed, scheduled);
                        metrics.ended(watcher);
                    });
            watcher.start(subscription, stream::wake);
            streaming = true;
            return null;
        } catch (ResourceVersionExpiredException e) {
            return StatusResponses.expired(e.getMessage());
        } catch (IOException clientGone) {
            // The client closed the watch before its headers went out: nobody to answer.
            return null;
        } finally {
            if (!streaming) {
                release(subscription, timers);
            }
        }
    }

    /** What a watch holds, given back once it has ended, or once it could not start. */
    private void release(Subscription subscription, Timers timers) {
        if (timers != null) {
            timers.cancel();
        }
        if (subscription != null) {
            subscription.cancel();
        }
        permits.release();
    }

    private record Timers(ScheduledFuture<?> deadline, ScheduledFuture<?> bookmarks) {

        void cancel() {
            deadline.cancel(false);
            if (bookmarks != null) {
                bookmarks.cancel(false);
            }
        }
    }

    private Timers schedule(Watcher watcher, Duration timeout, boolean bookmarks) {
        ScheduledFuture<?> deadline =
                timer.schedule(() -> watcher.end(Watcher.End.TIMED_OUT), timeout.toNanos(), TimeUnit.NANOSECONDS);
        long interval = settings.watchBookmarkInterval().toNanos();
        return new Timers(
                deadline,
                bookmarks
                        ? timer.scheduleAtFixedRate(watcher::bookmarkDue, interval, interval, TimeUnit.NANOSECONDS)
                        : null);
    }

    /** Stops the writers and the timer: the application is stopping, and the container ends its requests. */
    @Override
    public void close() {
        writers.shutdownNow();
        timer.shutdownNow();
    }

    /** As the API server's: between the configured timeout and twice it, so that clients reconnect apart. */
    private Duration serverTimeout() {
        return Duration.ofMillis((long) (settings.watchTimeout().toMillis() * (1 + random.getAsDouble())));
    }
}
