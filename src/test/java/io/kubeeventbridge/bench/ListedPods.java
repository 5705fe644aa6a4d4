package io.kubeeventbridge.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntConsumer;

/**
 * What a {@link PodListServer} holds: pods {@code 0} to {@code count - 1}, each with a resourceVersion of its own,
 * updated or deleted one at a time, and the resourceVersion of the whole, which every change advances.
 */
final class ListedPods {

    private static final long FIRST_RESOURCE_VERSION = 1000;
    private static final long DELETED = -1;

    private final AtomicLongArray resourceVersions;
    private final AtomicLong latest;

    ListedPods(int count) {
        resourceVersions = new AtomicLongArray(count);
        for (int index = 0; index < count; index++) {
            resourceVersions.set(index, FIRST_RESOURCE_VERSION + index);
        }
        latest = new AtomicLong(FIRST_RESOURCE_VERSION + count);
    }

    int capacity() {
        return resourceVersions.length();
    }

    long latest() {
        return latest.get();
    }

    /** The pods present from {@code from}, at most {@code limit}, in index order; returns the index after the last. */
    int forEach(int from, int limit, IntConsumer pod) {
        int index = from;
        for (int listed = 0; index < capacity() && listed < limit; index++) {
            if (resourceVersions.get(index) != DELETED) {
                pod.accept(index);
                listed++;
            }
        }
        return index;
    }

    /** Whether any pod follows {@code index}, itself included. */
    boolean anyFrom(int index) {
        for (int next = index; next < capacity(); next++) {
            if (resourceVersions.get(next) != DELETED) {
                return true;
            }
        }
        return false;
    }

    long resourceVersion(int index) {
        return resourceVersions.get(index);
    }

    void update(int index) {
        resourceVersions.set(index, latest.incrementAndGet());
    }

    void delete(int index) {
        resourceVersions.set(index, DELETED);
        latest.incrementAndGet();
    }
}
