package io.kubeeventbridge.informer;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeeventbridge.bench.HeapAfterGc;
import io.kubeeventbridge.bench.PodListServer;
import io.kubeeventbridge.bench.ProcessCpu;
import io.kubeeventbridge.bench.Samples;
import io.kubeeventbridge.bench.ThreadCpu;
import io.kubeeventbridge.event.EventNormaliser;
import io.kubeeventbridge.event.ResourceType;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Sync time: from starting the bridge's informer (filtering item store, change classification, every snapshot
 * normalised into a CloudEvent on the handler thread, then dropped: no Kafka; the cache compressed on the
 * compressor's thread, which the heap's budget lets wait until the list is complete, and which finishes before the
 * next round) until it reports synced, the bridge's readiness condition; against a bare fabric8 informer
 * on the same objects, listed by a {@link PodListServer}. The bridge lists in pages of the default size, the bare
 * informer in one request, as a user would write it. Each round also records the first list's peak heap
 * ({@link HeapAfterGc}), including a full collection once synced, which finds what the cache then retains and
 * what the handler has still to compact.
 */
public final class InformerSync {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    // The default of bridge.informer.list-page-size.
    private static final int LIST_PAGE_SIZE = 1000;

    /** Median milliseconds to sync, and median peak heap above the heap in use before, in bytes. */
    public record Result(double bridgeMillis, double bareMillis, double bridgePeakBytes, double barePeakBytes) {}

    /** An informer just started, as the measurement sees it. */
    private record Started(BooleanSupplier synced, Supplier<List<?>> cached, Runnable stop) {}

    private record Synced(double millis, double cpuMillis, long peakBytes, WeakReference<Object> anyCached) {}

    private InformerSync() {}

    /** @param warmUpRounds rounds of both informers before the measured ones, to warm up the JVM */
    public static Result measure(int objects, int warmUpRounds, int rounds) throws Exception {
        EventNormaliser normaliser = new EventNormaliser("bench");
        try (PodListServer server = new PodListServer(objects);
                KubernetesClient client = new KubernetesClientBuilder()
                        .withConfig(new ConfigBuilder(Config.empty())
                                .withMasterUrl(server.url())
                                // The stub speaks no WebSocket, and a failed WebSocket watch leaves a reconnect
                                // scheduled that keeps a stopped informer, and its cache, reachable for a while.
                                .withOnlyHttpWatches(true)
                                .build())
                        .build();
                CacheCompressor compressor = new CacheCompressor(ZstdLibrary.load())) {
            double[] bridge = new double[rounds];
            double[] bare = new double[rounds];
            double[] bridgePeak = new double[rounds];
            double[] barePeak = new double[rounds];
            for (int round = -warmUpRounds; round < rounds; round++) {
                Synced bareRound = bare(client, objects);
                Synced bridgeRound = bridge(client, normaliser, compressor, objects);
                if (round >= 0) {
                    bare[round] = bareRound.millis();
                    bridge[round] = bridgeRound.millis();
                    barePeak[round] = bareRound.peakBytes();
                    bridgePeak[round] = bridgeRound.peakBytes();
                    System.out.printf(
                            "sync %d objects, round %d: bridge %.0f ms (%.0f ms of CPU), peak heap %.0f MB; bare"
                                    + " informer %.0f ms (%.0f ms of CPU), peak heap %.0f MB%n",
                            objects,
                            round + 1,
                            bridgeRound.millis(),
                            bridgeRound.cpuMillis(),
                            bridgeRound.peakBytes() / 1e6,
                            bareRound.millis(),
                            bareRound.cpuMillis(),
                            bareRound.peakBytes() / 1e6);
                }
            }
            return new Result(
                    new Samples(bridge).median(),
                    new Samples(bare).median(),
                    new Samples(bridgePeak).median(),
                    new Samples(barePeak).median());
        }
    }

    private static Synced bare(KubernetesClient client, int objects) throws InterruptedException {
        return timeToSync("bare informer", objects, () -> {
            SharedIndexInformer<GenericKubernetesResource> informer = client.genericKubernetesResources(definition())
                    .inAnyNamespace()
                    .runnableInformer(0);
            informer.start();
            return new Started(informer::hasSynced, () -> informer.getStore().list(), informer::stop);
        });
    }

    private static Synced bridge(
            KubernetesClient client, EventNormaliser normaliser, CacheCompressor compressor, int objects)
            throws Exception {
        Synced synced = timeToSync("bridge", objects, () -> {
            ResourceInformer informer = new ResourceInformer(
                    client,
                    new InformerTarget(PODS, null, null, null),
                    (operation, object, json) ->
                            normaliser.normalise(PODS, operation, object, json, OffsetDateTime.now()),
                    ObjectFilter.NONE,
                    compressor.forType(PODS),
                    Duration.ZERO,
                    LIST_PAGE_SIZE);
            informer.start();
            return new Started(informer::hasSynced, () -> informer.store().list(null), informer::stop);
        });
        // The compression deferred until the list was complete: not to be done during the next informer's sync.
        compressor.idle().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return synced;
    }

    /** Syncs the informer {@code start} starts, then stops it and waits until it is collected. */
    private static Synced timeToSync(String label, int objects, Supplier<Started> start) throws InterruptedException {
        ReferenceQueue<Object> collected = new ReferenceQueue<>();
        Synced synced = syncAndStop(label, objects, start, collected);
        awaitCollected(collected);
        return synced;
    }

    // A method of its own, so that nothing on the caller's stack still refers to the informer or its cache.
    private static Synced syncAndStop(
            String label, int objects, Supplier<Started> start, ReferenceQueue<Object> collected) {
        try (HeapAfterGc heap = HeapAfterGc.open()) {
            ThreadCpu threads = ThreadCpu.start();
            long begin = System.nanoTime();
            long cpuBegin = ProcessCpu.nanos();
            Started informer = start.get();
            try {
                awaitSynced(informer.synced());
                long end = System.nanoTime();
                long cpuEnd = ProcessCpu.nanos();
                threads.print(label, objects);
                List<?> cached = informer.cached().get();
                check(cached.size(), objects);
                heap.collectFully();
                return new Synced(
                        (end - begin) / 1e6,
                        (cpuEnd - cpuBegin) / 1e6,
                        heap.peakAboveFloor(),
                        new WeakReference<>(cached.get(0), collected));
            } finally {
                informer.stop().run();
            }
        }
    }

    /**
     * Waits, bounded, until a stopped informer's cache is garbage, so that the next informer measured does not pay
     * for collecting it. fabric8 lets go of a stopped informer a little later, once its watch request has ended: each
     * full collection is followed by a pause in which its threads can get there.
     */
    private static void awaitCollected(ReferenceQueue<?> collected) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        do {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a stopped informer's cache is still reachable after " + TIMEOUT);
            }
            System.gc();
        } while (collected.remove(500) == null);
    }

    private static void awaitSynced(BooleanSupplier synced) {
        // Polled every millisecond: the interval bounds how much a measurement can overstate.
        await().atMost(TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1))
                .until(synced::getAsBoolean);
    }

    private static void check(int cached, int expected) {
        if (cached != expected) {
            throw new IllegalStateException("cached " + cached + " of " + expected);
        }
    }

    private static ResourceDefinitionContext definition() {
        return new ResourceDefinitionContext.Builder()
                .withGroup("")
                .withVersion("v1")
                .withPlural("pods")
                .withKind("Pod")
                .withNamespaced(true)
                .build();
    }
}
