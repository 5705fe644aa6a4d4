package io.kubeeventbridge.informer;

import io.kubeeventbridge.config.WatchWindow;
import io.kubeeventbridge.event.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The {@link ChangeFeed} of one watched resource, modelled on the API server's watch cache: the current state of
 * every object (references to what the informer cache holds), a {@link ChangeRing} of recent changes, and a
 * {@link ChangeFanout} to the subscribers. Changes are recorded on the informers' handler threads, after the bridge's
 * own listener; recording takes one short lock and never waits for a subscriber.
 *
 * <p>The state kept here, rather than read from the informer cache, is what makes a subscription exact: the cache is
 * updated before the handler is told, so it may be ahead of the changes recorded, while this state, the window and
 * the subscriptions move together.
 */
final class ResourceChangeFeed implements ChangeFeed {

    // The current state in the order of lists, so that a watch's initial events come as a list's items do.
    private static final Comparator<CachedObject> BY_NAME = Comparator.comparing(
                    CachedObject::namespace, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(CachedObject::name);

    private final Map<ObjectName, CachedObject> objects = new HashMap<>();
    private final ChangeRing ring;
    private final ChangeFanout fanout;

    private record ObjectName(String namespace, String name) {

        static ObjectName of(CachedObject object) {
            return new ObjectName(object.namespace(), object.name());
        }
    }

    ResourceChangeFeed(WatchWindow window, Executor fanoutExecutor, LongSupplier nanoTime) {
        this.ring = new ChangeRing(window.changes(), window.age(), nanoTime);
        this.fanout = new ChangeFanout(fanoutExecutor, this::pending);
    }

    /**
     * One change an informer delivered. A snapshot (the first list) only sets the state: it happened before the
     * feed's history starts, and nobody watches before the resource has synced.
     */
    void record(Operation operation, CachedObject object) {
        synchronized (this) {
            ObjectName name = ObjectName.of(object);
            boolean deleted = operation == Operation.DELETED;
            CachedObject previous = deleted ? objects.remove(name) : objects.put(name, object);
            if (operation == Operation.SNAPSHOT) {
                return;
            }
            ring.add(new Change(object, previous, deleted));
        }
        fanout.signal();
    }

    /** An informer completed its first list; {@code resourceVersion} is its informer's newest version since. */
    synchronized void listed(String resourceVersion) {
        ring.listed(resourceVersion);
    }

    @Override
    public synchronized String resourceVersion() {
        return ring.head();
    }

    @Override
    public Subscription subscribe(String resourceVersion, ChangeSubscriber subscriber) {
        List<CachedObject> state = null;
        List<Change> changes = null;
        ChangeFanout.Subscriber subscribed;
        String reached;
        synchronized (this) {
            if (resourceVersion == null) {
                state = new ArrayList<>(objects.values());
            } else {
                long start = ring.startAfter(resourceVersion);
                if (start == ChangeRing.EXPIRED) {
                    throw new ResourceVersionExpiredException(
                            "too old resource version: " + resourceVersion + " (" + ring.oldest() + ")");
                }
                changes =
                        ring.from(start).stream().map(ChangeRing.Entry::change).toList();
            }
            subscribed = fanout.add(subscriber, ring.next());
            reached = ring.head();
        }
        // Outside the lock, which the informers' handler threads wait for.
        List<Change> backlog = state == null
                ? changes
                : state.stream()
                        .sorted(BY_NAME)
                        .map(object -> new Change(object, null, false))
                        .toList();
        return new Subscription(backlog, reached, () -> fanout.remove(subscribed));
    }

    /** Ends every subscription: the informers stopped. */
    void close() {
        fanout.close();
    }

    private synchronized ChangeFanout.Pending pending(long from) {
        return new ChangeFanout.Pending(ring.first(), ring.from(from));
    }
}
