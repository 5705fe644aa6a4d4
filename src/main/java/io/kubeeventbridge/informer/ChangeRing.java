package io.kubeeventbridge.informer;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The window of a {@link ChangeFeed}: its most recent changes, each with a sequence number, bounded by count and
 * age, and where a watch from a resourceVersion starts in it. Not thread-safe: the feed guards it.
 *
 * <p>A watch resumes after the change that carries its resourceVersion, so what the bridge handed out (list, event
 * and bookmark versions) resumes exactly, whatever order the changes of several informers arrived in. A version the
 * bridge did not hand out (another replica's) is placed by its number, as etcd's are increasing integers.
 */
final class ChangeRing {

    /** Where no watch can start: the changes after the requested version are no longer held. */
    static final long EXPIRED = -1;

    private final int capacity;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long next;
    private String newestChange;
    private String listed;
    private String newestEvicted;

    /** One change held, with its sequence number and when it was recorded ({@link System#nanoTime()} scale). */
    record Entry(long sequence, Change change, long recorded) {}

    ChangeRing(int capacity, Duration maxAge, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    /** An informer completed its first list at {@code resourceVersion}: the history held starts there. */
    void listed(String resourceVersion) {
        if (listed == null || ResourceVersions.ORDER.compare(resourceVersion, listed) > 0) {
            listed = resourceVersion;
        }
    }

    void add(Change change) {
        long now = nanoTime.getAsLong();
        entries.addLast(new Entry(next++, change, now));
        // The newest, not the last: an API server may give a delete its object's last version (the mock API server
        // does), and changes of several informers arrive in any order. A list reporting it holds every change up to
        // it; a watch from it gets every change recorded after it was read, and may get one again.
        String version = change.resourceVersion();
        if (newestChange == null || ResourceVersions.ORDER.compare(version, newestChange) > 0) {
            newestChange = version;
        }
        while (entries.size() > capacity || now - entries.peekFirst().recorded() > maxAgeNanos) {
            newestEvicted = entries.removeFirst().change().resourceVersion();
        }
    }

    /** The newest version recorded, or that of the first list before any change; empty before that. */
    String head() {
        if (newestChange != null) {
            return newestChange;
        }
        return listed == null ? "" : listed;
    }

    /** The sequence number the next change will get. */
    long next() {
        return next;
    }

    /** The sequence number of the oldest change held. */
    long first() {
        return entries.isEmpty() ? next : entries.peekFirst().sequence();
    }

    /** The changes held from sequence number {@code from} on, oldest first. */
    List<Entry> from(long from) {
        List<Entry> newest = new ArrayList<>();
        for (Iterator<Entry> newestFirst = entries.descendingIterator(); newestFirst.hasNext(); ) {
            Entry entry = newestFirst.next();
            if (entry.sequence() < from) {
                break;
            }
            newest.add(entry);
        }
        Collections.reverse(newest);
        return newest;
    }

    /** The sequence number of the first change a watch from {@code resourceVersion} gets, or {@link #EXPIRED}. */
    long startAfter(String resourceVersion) {
        if (resourceVersion.equals(head())) {
            return next;
        }
        // The earliest: with an API server that reuses a version (a mock's delete), a change may come twice, never
        // be lost.
        for (Entry entry : entries) {
            if (resourceVersion.equals(entry.change().resourceVersion())) {
                return entry.sequence() + 1;
            }
        }
        BigInteger requested = ResourceVersions.numeric(resourceVersion);
        BigInteger newest = ResourceVersions.numeric(head());
        if (requested != null && newest != null && requested.compareTo(newest) >= 0) {
            // Ahead of this replica: every change it has not seen yet is still to come.
            return next;
        }
        BigInteger oldest = ResourceVersions.numeric(oldest());
        if (requested == null || oldest == null || requested.compareTo(oldest) < 0) {
            return EXPIRED;
        }
        for (Entry entry : entries) {
            BigInteger version = ResourceVersions.numeric(entry.change().resourceVersion());
            if (version != null && version.compareTo(requested) > 0) {
                return entry.sequence();
            }
        }
        return next;
    }

    /** The oldest version a watch can start from: what precedes it is no longer held. */
    String oldest() {
        return newestEvicted != null ? newestEvicted : listed;
    }
}
