package io.kubeeventbridge.bench;

import static org.awaitility.Awaitility.await;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The highest heap in use after any garbage collection while it is open, above the heap in use after a full
 * collection when it opened: read from the JVM's notification at the end of every collection (the heap pools' usage
 * after it), so no collection is missed between samples, and what a collection left is what was reachable then, plus
 * garbage old collections had not reached yet.
 */
public final class HeapAfterGc implements AutoCloseable {

    private static final Duration NOTIFICATION_TIMEOUT = Duration.ofSeconds(30);

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong last = new AtomicLong();
    private final AtomicLong notified = new AtomicLong();
    private final NotificationListener listener = this::collected;
    private final long collectionsBefore;
    private final long floor;

    private HeapAfterGc() {
        for (GarbageCollectorMXBean collector : collectors) {
            ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
        }
        collectionsBefore = collections();
        collectFully();
        floor = last.get();
        peak.set(floor);
    }

    /** Starts listening, after a full collection that sets the floor. */
    public static HeapAfterGc open() {
        return new HeapAfterGc();
    }

    /**
     * A full collection, asked for again until one has run, whose notification has come. {@code System.gc()} was seen
     * to return without a collection right after a bridge's list (most likely held off by the cache's zstd compressor,
     * inside JNI critical regions then): a sync that left no garbage to collect read 0, its floor and peak both unset.
     */
    public void collectFully() {
        long before = collections();
        await().atMost(NOTIFICATION_TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    System.gc();
                    return collections() > before;
                });
        awaitNotified();
    }

    /** Bytes: the highest heap in use after a collection since {@link #open}, less the floor; none is zero. */
    public long peakAboveFloor() {
        awaitNotified();
        return Math.max(0, peak.get() - floor);
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean collector : collectors) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData())
                .getGcInfo()
                .getMemoryUsageAfterGc();
        long used = after.entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed())
                .sum();
        peak.accumulateAndGet(used, Math::max);
        last.set(used);
        notified.incrementAndGet();
    }

    /** Notifications come on a JVM thread of their own, after the collection: waits for those of every one so far. */
    private void awaitNotified() {
        long count = collections() - collectionsBefore;
        await().atMost(NOTIFICATION_TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5))
                .until(() -> notified.get() >= count);
    }

    private long collections() {
        return collectors.stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }
}
