package io.kubeeventbridge.publish;

import io.kubeeventbridge.event.EventVariants;
import io.kubeeventbridge.event.Operation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The per-object queue between the informers and Kafka. Events of one object leave in order, one at a time (the
 * next only after Kafka acknowledged the previous); different objects proceed independently. While an object's
 * events wait, a newer state replaces an unsent older one, so memory is bounded by the number of objects, not by
 * how long Kafka is away, and the final state of every object is always sent.
 */
final class PendingEvents {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readyOrEmpty = lock.newCondition();
    // Every object with events waiting or one in flight; it leaves once it has neither.
    private final Map<QueuedObject, ObjectEvents> objects = new HashMap<>();
    // The objects with events waiting and none in flight, in the order they became so: taking from here needs no
    // lookup in the map, whose nodes the informer's thread wrote last.
    private final Deque<ObjectEvents> ready = new ArrayDeque<>();
    private final Consumer<OutgoingEvent> onCoalesced;
    private int size;
    private int inFlightCount;

    /** {@code onCoalesced} is told of every event a newer state replaced. */
    PendingEvents(Consumer<OutgoingEvent> onCoalesced) {
        this.onCoalesced = onCoalesced;
    }

    void add(OutgoingEvent event) {
        QueuedObject id = QueuedObject.of(event);
        lock.lock();
        try {
            ObjectEvents object = objects.computeIfAbsent(id, ignored -> new ObjectEvents());
            Deque<OutgoingEvent> events = object.waiting;
            boolean wasEmpty = events.isEmpty();
            Optional<OutgoingEvent> merged =
                    Optional.ofNullable(events.peekLast()).flatMap(last -> merge(last, event));
            if (merged.isPresent()) {
                onCoalesced.accept(events.pollLast());
                events.addLast(merged.get());
            } else {
                events.addLast(event);
                size++;
            }
            if (wasEmpty && object.inFlight == null) {
                ready.addLast(object);
                readyOrEmpty.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the events whose objects have nothing in flight, up to {@code max} of them in the order they became
     * ready, into {@code into}, waiting up to {@code timeout} for the first: one hand-over for all that are ready, not
     * one each. Each is in flight from then on: its object's next event waits for its acknowledgement.
     *
     * @return how many were moved, none if none came in time
     */
    int drainTo(List<OutgoingEvent> into, int max, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            if (!awaitReady(timeout)) {
                return 0;
            }
            int moved = 0;
            while (moved < max && !ready.isEmpty()) {
                into.add(next());
                moved++;
            }
            return moved;
        } finally {
            lock.unlock();
        }
    }

    /** Whether an object is ready, once one is or {@code timeout} passed. Holding the lock. */
    private boolean awaitReady(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        while (ready.isEmpty()) {
            if (nanos <= 0) {
                return false;
            }
            nanos = readyOrEmpty.awaitNanos(nanos);
        }
        return true;
    }

    /** The first ready object's next event, now in flight. Holding the lock, with an object ready. */
    private OutgoingEvent next() {
        ObjectEvents object = ready.pollFirst();
        OutgoingEvent next = object.waiting.pollFirst();
        object.inFlight = next;
        size--;
        inFlightCount++;
        return next;
    }

    /**
     * Whether {@code event} is its object's event in flight: not once the queue was cleared while it was (its term
     * ended), even if the object has an event of the next term in flight.
     */
    boolean isInFlight(OutgoingEvent event) {
        lock.lock();
        try {
            ObjectEvents object = objects.get(QueuedObject.of(event));
            return object != null && object.inFlight == event;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Kafka acknowledged {@code event}: its object's next event may go. If it is still its object's event in flight,
     * {@code beforeNext} runs first, under the same lock, so what it records of this event comes before anything of
     * the next; one lookup of the object for both, on the producer's I/O thread, which acknowledges every event. Not
     * once the queue was cleared while it was in flight (its term ended), even if the object has an event of the next
     * term in flight.
     */
    void acknowledged(OutgoingEvent event, Runnable beforeNext) {
        release(event, null, beforeNext);
    }

    /** Sending {@code event} failed: it goes back to the front of its object's queue, merged with newer states. */
    void failed(OutgoingEvent event) {
        failed(event, event);
    }

    /** The same, with {@code retried} going back in place of {@code event}. */
    void failed(OutgoingEvent event, OutgoingEvent retried) {
        release(event, retried, null);
    }

    private void release(OutgoingEvent sent, OutgoingEvent requeue, Runnable beforeNext) {
        QueuedObject id = QueuedObject.of(sent);
        lock.lock();
        try {
            ObjectEvents object = objects.get(id);
            // By identity: after a clear, the object may have an event of the next term in flight, which a late outcome
            // of one from before must not release (its next event would overtake it) nor put back behind.
            if (object == null || object.inFlight != sent) {
                return; // forgotten: the queue was cleared while it was in flight
            }
            if (beforeNext != null) {
                beforeNext.run();
            }
            object.inFlight = null;
            inFlightCount--;
            Deque<OutgoingEvent> events = object.waiting;
            if (requeue != null) {
                Optional<OutgoingEvent> merged =
                        Optional.ofNullable(events.peekFirst()).flatMap(first -> merge(requeue, first));
                if (merged.isPresent()) {
                    onCoalesced.accept(requeue);
                    events.pollFirst();
                    events.addFirst(merged.get());
                } else {
                    events.addFirst(requeue);
                    size++;
                }
            }
            boolean becameReady = !events.isEmpty();
            if (becameReady) {
                ready.addLast(object);
            } else {
                objects.remove(id);
            }
            // Only then is there news for a waiter: waking the idle sender after every acknowledgement costs the
            // producer's I/O thread, which calls this, and the sender a context switch each for nothing.
            if (becameReady || size + inFlightCount == 0) {
                readyOrEmpty.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops every waiting event, as when a term ends: in-flight events are forgotten too, so the queue starts the next
     * term empty whatever becomes of them.
     *
     * @return how many events were dropped
     */
    int clear() {
        lock.lock();
        try {
            int dropped = size + inFlightCount;
            objects.clear();
            ready.clear();
            size = 0;
            inFlightCount = 0;
            readyOrEmpty.signalAll();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Events waiting or in flight. */
    int size() {
        lock.lock();
        try {
            return size + inFlightCount;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every event has been acknowledged, up to {@code timeout}; tells whether it got there. */
    boolean awaitEmpty(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (size + inFlightCount > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = readyOrEmpty.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The single event that can stand for {@code older} followed by {@code newer} of the same object, if any. An
     * update replaces any unsent state but keeps the older operation (a creation followed by updates is still a
     * creation, with the newest state); a delete replaces an unsent update, since it carries the last state; a
     * delete is never merged away, and nothing merges into it.
     */
    static Optional<OutgoingEvent> merge(OutgoingEvent older, OutgoingEvent newer) {
        Operation before = older.operation();
        Operation after = newer.operation();
        if (before == Operation.DELETED) {
            return Optional.empty();
        }
        if (after == Operation.UPDATED) {
            return Optional.of(
                    newer.withEvent(EventVariants.coalesced(newer.event(), older.event()), older.operation()));
        }
        if (after == Operation.DELETED && before == Operation.UPDATED) {
            return Optional.of(newer);
        }
        return Optional.empty();
    }

    /** One object of one topic. Its hash combines the strings' cached hashes: no string is built per event. */
    private record QueuedObject(String topic, String key) {

        static QueuedObject of(OutgoingEvent event) {
            return new QueuedObject(event.topic(), event.key());
        }
    }

    /** One object's events waiting to be sent, oldest first, and its event in flight, if any. */
    private static final class ObjectEvents {

        // Mostly one event: room for one before it grows.
        final Deque<OutgoingEvent> waiting = new ArrayDeque<>(1);
        OutgoingEvent inFlight;
    }
}
