package io.kubeeventbridge.query;

import io.kubeeventbridge.informer.CachedObject;
import io.kubeeventbridge.informer.Change;
import io.kubeeventbridge.informer.ChangeSubscriber;
import io.kubeeventbridge.informer.Subscription;
import java.util.Collections;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One watch, without a thread of its own: takes the changes its {@link WatchFilter} selects into a bounded buffer on
 * the feed's fan-out thread, and hands out the lines of its stream in order when its response can write them: what
 * precedes the subscription, the end of a watch list's initial events, then the changes, with bookmarks, until the
 * watch ends. When the buffer is full, the watcher is ended, never waited for: it gets a 410 {@code Expired} and lists
 * again, as from the API server.
 *
 * <p>Two sides: {@link #offer}, {@link #ended}, {@link #bookmarkDue} and {@link #end} may come from any thread and wake
 * the writer; {@link #start} and {@link #next} are for the one thread at a time that writes the response.
 */
final class Watcher implements ChangeSubscriber {

    /** How many selected changes may wait to be written before a watcher counts as too slow. */
    static final int BUFFER = 1000;

    private final WatchFilter filter;
    private final WatchEvents events;
    private final boolean initialEventsEnd;
    private final String resource;
    // One thread offers (the feed's fan-out) and one takes (the response's writer) at a time, often at once: a queue
    // without a lock, bounded by its count, so that neither waits for the other, and an idle watch holds no array.
    private final Queue<Event> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicInteger buffered = new AtomicInteger();
    private final AtomicReference<End> end = new AtomicReference<>();
    private volatile String reached;
    private volatile boolean bookmarkDue;
    private volatile Runnable wake = () -> {};

    // The writer's side.
    private Iterator<Change> backlog = Collections.emptyIterator();
    private String subscribedAt;
    private boolean initialEventsEndDue;
    private boolean endWritten;

    private record Event(String type, CachedObject object) {}

    /** Why a watch ends. */
    enum End {
        /** Its buffer was full: 410 Expired. */
        FELL_BEHIND,
        /** The feed ended, or no longer holds what the watch needs: 410 Expired. */
        FEED_ENDED,
        /** Its time is up: the stream just ends, and the client resumes from the last version it got. */
        TIMED_OUT,
        /** The client went away, or the container ended the request: nothing more is written. */
        STOPPED
    }

    /** @param resource the watched resource, for messages */
    Watcher(WatchFilter filter, WatchEvents events, WatchOptions options, String resource) {
        this.filter = filter;
        this.events = events;
        this.initialEventsEnd = options.initialEventsEnd();
        this.resource = resource;
    }

    /**
     * Writes {@code subscription}'s backlog first; {@code wake} is run whenever there is something new to write.
     * Before the first {@link #next}.
     */
    void start(Subscription subscription, Runnable wake) {
        this.backlog = subscription.backlog().iterator();
        this.subscribedAt = subscription.resourceVersion();
        this.initialEventsEndDue = initialEventsEnd;
        this.wake = wake;
    }

    @Override
    public boolean offer(Change change) {
        if (end.get() != null) {
            return false;
        }
        String type = filter.typeOf(change);
        if (type != null) {
            if (buffered.incrementAndGet() > BUFFER) {
                end(End.FELL_BEHIND);
                return false;
            }
            buffer.offer(new Event(type, change.object()));
        }
        // After the event is buffered: a bookmark names this version only once the buffer is empty.
        reached = change.resourceVersion();
        if (type != null) {
            wake.run();
        }
        return true;
    }

    @Override
    public void ended() {
        end(End.FEED_ENDED);
    }

    /** A bookmark is due: written once everything buffered has been. */
    void bookmarkDue() {
        bookmarkDue = true;
        wake.run();
    }

    /** Ends the watch: what is buffered is dropped, and the stream ends after the line {@code why} calls for. */
    void end(End why) {
        if (end.compareAndSet(null, why)) {
            buffer.clear();
            wake.run();
        }
    }

    /** The next line to write, or {@code null} when there is none for now (and, once {@link #finished}, ever). */
    byte[] next() {
        End why = end.get();
        // A watch whose time is up still writes what precedes its subscription, the state its client starts from.
        if (why != null && why != End.TIMED_OUT) {
            return endWritten ? null : lastLine(why);
        }
        while (backlog.hasNext()) {
            Change change = backlog.next();
            String type = filter.typeOf(change);
            if (type != null) {
                return events.event(type, change.object());
            }
        }
        if (initialEventsEndDue) {
            initialEventsEndDue = false;
            return events.bookmark(subscribedAt, true);
        }
        if (why != null) {
            return endWritten ? null : lastLine(why);
        }
        // Read before the buffer: if it is then empty, every change up to this version has been written.
        String version = reached != null ? reached : subscribedAt;
        Event event = buffer.poll();
        if (event != null) {
            buffered.decrementAndGet();
            return events.event(event.type(), event.object());
        }
        if (bookmarkDue) {
            bookmarkDue = false;
            return events.bookmark(version, false);
        }
        return null;
    }

    /** Why the watch ended, or {@code null} while it goes on. */
    End endedBy() {
        return end.get();
    }

    /** The watched resource, for messages. */
    String resource() {
        return resource;
    }

    /** Whether the watch has ended and its last line has been handed out. */
    boolean finished() {
        return endWritten;
    }

    private byte[] lastLine(End why) {
        endWritten = true;
        return switch (why) {
            case FELL_BEHIND, FEED_ENDED ->
                events.error(StatusResponses.expired(message(why)).getBody());
            case TIMED_OUT, STOPPED -> null;
        };
    }

    private String message(End why) {
        return why == End.FELL_BEHIND
                ? "the watch of " + resource + " fell more than " + BUFFER + " changes behind; list again"
                : "the changes of " + resource + " this watch needs are no longer held; list again";
    }
}
