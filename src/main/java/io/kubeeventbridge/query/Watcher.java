package io.kubeeventbridge.query;

import io.kubeeventbridge.informer.CachedObject;
import io.kubeeventbridge.informer.Change;
import io.kubeeventbridge.informer.ChangeSubscriber;
import io.kubeeventbridge.informer.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One watch: takes the changes its {@link WatchFilter} selects into a bounded buffer on the feed's fan-out thread,
 * and writes them to the client on its own thread, with bookmarks, until its deadline. When the buffer is full, the
 * watcher is ended, never waited for: it gets a 410 {@code Expired} and lists again, as from the API server.
 */
final class Watcher implements ChangeSubscriber {

    /** How many selected changes may wait to be written before a watcher counts as too slow. */
    static final int BUFFER = 1000;

    private static final int BATCH = 100;
    private static final Event WAKE = new Event(null, null);

    private final WatchFilter filter;
    private final WatchEvents events;
    private final WatchOptions options;
    private final Duration bookmarkInterval;
    private final long deadline;
    private final String resource;
    private final BlockingQueue<Event> buffer = new ArrayBlockingQueue<>(BUFFER);
    private final AtomicReference<End> end = new AtomicReference<>();
    private volatile String reached;

    private record Event(String type, CachedObject object) {}

    /** Why a watch ends before its deadline. */
    private enum End {
        FELL_BEHIND,
        FEED_ENDED,
        STOPPED
    }

    /**
     * @param deadline when the watch ends, on the {@link System#nanoTime()} scale
     * @param resource the watched resource, for messages
     */
    Watcher(
            WatchFilter filter,
            WatchEvents events,
            WatchOptions options,
            Duration bookmarkInterval,
            long deadline,
            String resource) {
        this.filter = filter;
        this.events = events;
        this.options = options;
        this.bookmarkInterval = bookmarkInterval;
        this.deadline = deadline;
        this.resource = resource;
    }

    @Override
    public boolean offer(Change change) {
        if (end.get() != null) {
            return false;
        }
        String type = filter.typeOf(change);
        if (type != null && !buffer.offer(new Event(type, change.object()))) {
            finish(End.FELL_BEHIND);
            return false;
        }
        // After the event is buffered: a bookmark names this version only once the buffer is empty.
        reached = change.resourceVersion();
        return true;
    }

    @Override
    public void ended() {
        finish(End.FEED_ENDED);
    }

    /** Ends the watch: the client went away, or the container timed the request out. */
    void stop() {
        finish(End.STOPPED);
    }

    /** Writes the watch to {@code sink} until it ends, then cancels the subscription and completes the sink. */
    void run(Subscription subscription, WatchSink sink) {
        try {
            if (writeBacklog(subscription.backlog(), sink) && options.initialEventsEnd()) {
                sink.send(List.of(events.bookmark(subscription.resourceVersion(), true)));
            }
            stream(subscription.resourceVersion(), sink);
        } catch (IOException clientGone) {
            // Nothing to tell anyone: the client closed the watch.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscription.cancel();
            sink.complete();
        }
    }

    /** @return whether the watch goes on */
    private boolean writeBacklog(List<Change> backlog, WatchSink sink) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        int batched = 0;
        for (Change change : backlog) {
            if (end.get() != null) {
                return false;
            }
            String type = filter.typeOf(change);
            if (type != null) {
                parts.addAll(events.event(type, change.object()));
                if (++batched == BATCH) {
                    sink.send(parts);
                    parts.clear();
                    batched = 0;
                }
            }
        }
        if (!parts.isEmpty()) {
            sink.send(parts);
        }
        return true;
    }

    private void stream(String subscribedAt, WatchSink sink) throws IOException, InterruptedException {
        long nextBookmark = System.nanoTime() + (bookmarks() ? bookmarkInterval.toNanos() : 0);
        while (true) {
            End why = end.get();
            if (why != null) {
                if (why != End.STOPPED) {
                    sink.send(List.of(
                            events.error(StatusResponses.expired(message(why)).getBody())));
                }
                return;
            }
            long now = System.nanoTime();
            long wait = deadline - now;
            if (wait <= 0) {
                return;
            }
            if (bookmarks()) {
                wait = Math.min(wait, nextBookmark - now);
            }
            // Read before the buffer: if it is then empty, every change up to this version has been written.
            String version = reached != null ? reached : subscribedAt;
            List<Event> batch = take(wait);
            if (!batch.isEmpty()) {
                List<byte[]> parts = new ArrayList<>();
                batch.forEach(event -> parts.addAll(events.event(event.type(), event.object())));
                sink.send(parts);
            } else if (bookmarks() && System.nanoTime() - nextBookmark >= 0) {
                sink.send(List.of(events.bookmark(version, false)));
                nextBookmark = System.nanoTime() + bookmarkInterval.toNanos();
            }
        }
    }

    private List<Event> take(long waitNanos) throws InterruptedException {
        List<Event> batch = new ArrayList<>();
        Event first = buffer.poll(Math.max(waitNanos, 0), TimeUnit.NANOSECONDS);
        if (first != null) {
            batch.add(first);
            buffer.drainTo(batch, BATCH - 1);
            batch.removeIf(event -> event == WAKE);
        }
        return batch;
    }

    private boolean bookmarks() {
        return options.bookmarks();
    }

    private void finish(End why) {
        if (end.compareAndSet(null, why)) {
            buffer.clear();
            buffer.offer(WAKE);
        }
    }

    private String message(End why) {
        return why == End.FELL_BEHIND
                ? "the watch of " + resource + " fell more than " + BUFFER + " changes behind; list again"
                : "the changes of " + resource + " this watch needs are no longer held; list again";
    }
}
