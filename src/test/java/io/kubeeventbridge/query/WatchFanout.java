package io.kubeeventbridge.query;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.bench.ProcessCpu;
import io.kubeeventbridge.bench.Samples;
import io.kubeeventbridge.bench.Workload;
import io.kubeeventbridge.config.WatchWindow;
import io.kubeeventbridge.informer.CachedObject;
import io.kubeeventbridge.informer.FixedResourceCache;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

/**
 * Watch fan-out: the latency from a change entering a resource's change feed (where an informer's handler records
 * it) to its event line arriving at each watcher, over real HTTP, with many watchers and one more that never reads,
 * against the same with a single watcher. The query API runs in a web application of its own ({@link QueryApiServer})
 * over a cache of 1,000 pods of 2–8 KB, and the changes are updates of those pods at a steady rate, on a fan-out pool
 * of two threads as in the bridge. The watchers read over plain sockets on one thread of the same JVM
 * ({@link WatchClients}): their reading is in the figures, kept as small as it can be, since in production they run
 * elsewhere.
 * Also reports the heap idle watchers take on the server's side, and whether the stalled watcher was cut off; and, as
 * a reference, the same runs, shorter, against {@link RawFanoutServer}, which writes the same lines of the same changes
 * with no servlet container: the floor these clients and this machine allow, measured under the same load. Part of
 * the benchmark suite ({@code ./mvnw -Pbench verify}).
 */
public final class WatchFanout {

    /**
     * @param bridge the query API's runs
     * @param floor the same against the raw fan-out server
     * @param idleHeapBytes used heap with the watchers open and idle, less that without them, on the query API
     */
    public record Result(Runs bridge, Runs floor, long idleHeapBytes) {}

    /**
     * @param many the measured run with many watchers
     * @param one the same with one watcher
     * @param stalledCutOff whether the watcher that never read was ended with 410 Expired
     */
    public record Runs(Run many, Run one, boolean stalledCutOff) {}

    /**
     * @param millis milliseconds from each change to each watcher
     * @param cpuMicrosPerLine the JVM's CPU time (server and clients) per event line delivered, which the machine's
     *     other load moves less than the latencies
     * @param clientCpuMicrosPerLine the part of it the watchers' reading thread took
     */
    public record Run(Samples millis, double cpuMicrosPerLine, double clientCpuMicrosPerLine) {}

    private static final int PODS = 1_000;
    private static final int NAMESPACES = 10;
    // The floor's runs follow the query API's, whose clients and lines have warmed the JIT: a hundred changes warm
    // its own small loop. 10 s a run at 50 changes/s: the reference adds under half a minute to the suite.
    private static final int FLOOR_WARM_UP = 100;
    private static final int FLOOR_CHANGES = 400;

    private final FixedResourceCache cache;
    private final List<CachedObject> pods;
    private final int port;
    private final Map<String, Long> sent = new ConcurrentHashMap<>();

    private WatchFanout(FixedResourceCache cache, int port) {
        this.cache = cache;
        this.pods = cache.list(null);
        this.port = port;
    }

    /**
     * @param watchers how many watchers read in the measured run (one more stalls)
     * @param perSecond changes per second
     * @param changes changes measured in each of the query API's runs, after as many to warm up
     */
    public static Result measure(int watchers, int perSecond, int changes) throws Exception {
        ScheduledExecutorService fanout = Executors.newScheduledThreadPool(2);
        try {
            long idleHeap;
            Runs bridge;
            FixedResourceCache cache = podCache(fanout);
            try (QueryApiServer query = QueryApiServer.start(cache)) {
                WatchFanout bench = new WatchFanout(cache, query.port());
                idleHeap = bench.idleHeap(watchers);
                bridge = bench.runs(watchers, perSecond, changes, changes);
            }
            // A cache of its own: the query API's watches stay subscribed to the first until their next change.
            FixedResourceCache floorCache = podCache(fanout);
            try (RawFanoutServer raw = RawFanoutServer.start(floorCache.changes())) {
                Runs floor =
                        new WatchFanout(floorCache, raw.port()).runs(watchers, perSecond, FLOOR_WARM_UP, FLOOR_CHANGES);
                return new Result(bridge, floor, idleHeap);
            }
        } finally {
            fanout.shutdownNow();
        }
    }

    /** The same pods every time, whose feed offers changes on {@code fanout}. */
    private static FixedResourceCache podCache(ScheduledExecutorService fanout) {
        FixedResourceCache cache =
                new FixedResourceCache(QueryApiFixture.PODS, new WatchWindow(10_000, Duration.ofMinutes(5)), fanout);
        Workload workload = new Workload(41);
        for (int i = 0; i < PODS; i++) {
            cache.put(Workload.decode(workload.nextJson(i, NAMESPACES, false)));
        }
        return cache;
    }

    /** A run with one watcher, then one with {@code watchers} and one more that never reads. */
    private Runs runs(int watchers, int perSecond, int warmUp, int changes) throws Exception {
        Run one = run(1, perSecond, warmUp, changes);
        try (SilentWatch stalled = new SilentWatch(port, watchPath())) {
            Run many = run(watchers, perSecond, warmUp, changes);
            return new Runs(many, one, stalled.cutOff());
        }
    }

    /** Opens the watchers, warms up with {@code warmUp} changes, then measures {@code changes} changes. */
    private Run run(int watchers, int perSecond, int warmUp, int changes) throws Exception {
        try (WatchClients clients = WatchClients.open(port, watchPath(), watchers)) {
            change(clients, perSecond, warmUp);
            clients.reset();
            long cpuStart = ProcessCpu.nanos();
            long clientCpuStart = clients.cpuNanos();
            change(clients, perSecond, changes);
            double lines = (double) changes * watchers;
            return new Run(
                    new Samples(clients.latenciesMillis(sent)),
                    (ProcessCpu.nanos() - cpuStart) / 1e3 / lines,
                    (clients.cpuNanos() - clientCpuStart) / 1e3 / lines);
        }
    }

    /** Updates {@code count} pods at a steady rate, then waits until every watcher has every update. */
    private void change(WatchClients clients, int perSecond, int count) {
        ScheduledExecutorService changer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger made = new AtomicInteger();
        try {
            ScheduledFuture<?> changing = changer.scheduleAtFixedRate(
                    () -> {
                        int index = made.get();
                        if (index < count) {
                            update(pods.get(index % pods.size()), index);
                            made.incrementAndGet();
                        }
                    },
                    0,
                    TimeUnit.SECONDS.toNanos(1) / perSecond,
                    TimeUnit.NANOSECONDS);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(count / perSecond + 120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> made.get() == count && clients.received(count));
            changing.cancel(false);
        } finally {
            changer.shutdownNow();
        }
    }

    /** A new state of {@code pod}, recorded as an informer's handler would; notes when, by resourceVersion. */
    private void update(CachedObject pod, int index) {
        GenericKubernetesResource changed = pod.decode();
        changed.getMetadata().setAnnotations(Map.of("bench.example.com/change", String.valueOf(index)));
        long before = System.nanoTime();
        cache.put(changed);
        sent.put(changed.getMetadata().getResourceVersion(), before);
    }

    /**
     * Used heap after a full collection with {@code watchers} idle watches open, less that without them: the server's
     * side, as the watches are bare sockets.
     */
    private long idleHeap(int watchers) throws Exception {
        long before = usedHeapAfterFullGc();
        List<SilentWatch> idle = new ArrayList<>();
        try {
            for (int i = 0; i < watchers; i++) {
                idle.add(new SilentWatch(port, watchPath()));
            }
            return usedHeapAfterFullGc() - before;
        } finally {
            for (SilentWatch watch : idle) {
                watch.close();
            }
        }
    }

    private String watchPath() {
        return "/k8s/api/v1/pods?watch=1&resourceVersion=" + cache.resourceVersion();
    }

    private static long usedHeapAfterFullGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
