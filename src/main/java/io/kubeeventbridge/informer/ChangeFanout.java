package io.kubeeventbridge.informer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers a feed's new changes to its subscribers, off the informers' threads: recording a change only signals this,
 * and one task at a time (on a pool shared by all feeds) offers every pending change to every subscriber, in order.
 * A subscriber that refuses a change, or whose next change has left the window, is dropped, never waited for: a slow
 * watcher cannot slow the informers, the publisher or another watcher.
 */
final class ChangeFanout {

    private static final Logger log = LoggerFactory.getLogger(ChangeFanout.class);

    private final Executor executor;
    private final LongFunction<Pending> pending;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicInteger signals = new AtomicInteger();
    private volatile boolean closed;

    /** The changes held from some sequence number on, and the oldest sequence number still held. */
    record Pending(long first, List<ChangeRing.Entry> entries) {}

    /** A subscriber and the sequence number of the next change it is to be offered. */
    static final class Subscriber {

        private final ChangeSubscriber target;
        private volatile long next;

        private Subscriber(ChangeSubscriber target, long next) {
            this.target = target;
            this.next = next;
        }
    }

    /** @param pending the changes held from a sequence number on, read consistently with recording */
    ChangeFanout(Executor executor, LongFunction<Pending> pending) {
        this.executor = executor;
        this.pending = pending;
    }

    /** Offers {@code target} every change from sequence number {@code next} on. */
    Subscriber add(ChangeSubscriber target, long next) {
        Subscriber subscriber = new Subscriber(target, next);
        subscribers.add(subscriber);
        if (closed) {
            end(subscriber);
        }
        return subscriber;
    }

    void remove(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** New changes are held: offer them soon. At most one task per feed runs or waits. */
    void signal() {
        if (!subscribers.isEmpty() && signals.getAndIncrement() == 0) {
            executor.execute(this::drain);
        }
    }

    /** Ends every subscription, and any made from now on. */
    void close() {
        closed = true;
        subscribers.forEach(this::end);
    }

    private void drain() {
        int handled;
        do {
            handled = signals.get();
            try {
                offerPending();
            } catch (RuntimeException e) {
                log.error("Could not fan out changes to watchers", e);
            }
        } while (signals.addAndGet(-handled) != 0);
    }

    private void offerPending() {
        long from = subscribers.stream().mapToLong(s -> s.next).min().orElse(-1);
        if (from < 0) {
            return;
        }
        Pending held = pending.apply(from);
        for (Subscriber subscriber : subscribers) {
            if (subscriber.next < held.first()) {
                end(subscriber);
                continue;
            }
            for (ChangeRing.Entry entry : held.entries()) {
                if (entry.sequence() < subscriber.next) {
                    continue;
                }
                if (!offer(subscriber, entry.change())) {
                    subscribers.remove(subscriber);
                    break;
                }
                subscriber.next = entry.sequence() + 1;
            }
        }
    }

    private static boolean offer(Subscriber subscriber, Change change) {
        try {
            return subscriber.target.offer(change);
        } catch (RuntimeException e) {
            log.error("A watcher failed to take a change; dropping it", e);
            return false;
        }
    }

    private void end(Subscriber subscriber) {
        subscribers.remove(subscriber);
        subscriber.target.ended();
    }
}
