package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.informer.FixedResourceCache;
import io.kubeeventbridge.selector.LabelSelector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * List latency over 50,000 cached pods (100 namespaces × 500, label app in 50 values), against a naive baseline
 * measured in the same run: a full scan of the cache, filter, sort. Part of the benchmark suite
 * ({@code ./mvnw -Pbench verify}); the default build does not run it.
 */
public final class ListLatency {

    /** Median milliseconds of one list through the bridge's {@link CacheLister} and through the naive scan. */
    public record Timing(double bridgeMillis, double naiveMillis) {}

    /** The namespace list and the label-selector list over all namespaces, the cases the summary reports. */
    public record Result(Timing namespace, Timing label) {}

    private static final int NAMESPACES = 100;
    private static final int PER_NAMESPACE = 500;
    private static final int APPS = 50;
    private static final int RUNS = 30;

    private ListLatency() {}

    /** Prints the latency of each kind of list over 50,000 cached pods; returns the two the summary reports. */
    public static Result measure() {
        FixedResourceCache cache = new FixedResourceCache(QueryApiFixture.PODS);
        for (int n = 0; n < NAMESPACES; n++) {
            for (int i = 0; i < PER_NAMESPACE; i++) {
                cache.put(QueryApiFixture.pod(
                        "ns-" + n, "pod-" + i, Map.of("app", "app-" + (i % APPS)), "Running", "node-" + (i % 7)));
            }
        }
        System.out.printf(
                "%n%-46s %12s %12s %8s%n", "list over 50,000 cached pods", "bridge (ms)", "naive (ms)", "ratio");
        compare("all namespaces", cache, null, "", 0, NAMESPACES * PER_NAMESPACE);
        compare("all namespaces, limit=500 (first page)", cache, null, "", 500, 500);
        Timing namespace = compare("one namespace", cache, "ns-42", "", 0, PER_NAMESPACE);
        Timing label = compare("label selector app=app-7, all namespaces", cache, null, "app=app-7", 0, 1000);
        compare("label selector app=app-7 in one namespace", cache, "ns-42", "app=app-7", 0, 10);
        compare("label selector app in (app-1,app-2)", cache, null, "app in (app-1,app-2)", 0, 2000);
        compare("label selector !canary (no index)", cache, null, "!canary", 0, NAMESPACES * PER_NAMESPACE);
        return new Result(namespace, label);
    }

    private static Timing compare(
            String name, FixedResourceCache cache, String namespace, String labels, int limit, int expected) {
        ListOptions options =
                new ListOptions(LabelSelector.parse(labels), ListOptions.EVERYTHING.fields(), limit, null);
        double bridge = median(() -> CacheLister.list(cache, namespace, options).items(), expected);
        double naive = median(() -> naive(cache, namespace, options), expected);
        System.out.printf("%-46s %12.3f %12.3f %7.1fx%n", name, bridge, naive, naive / bridge);
        return new Timing(bridge, naive);
    }

    /** What the first read of the cache did, plus ordering: scan every object, filter, sort, cut. */
    private static List<GenericKubernetesResource> naive(
            FixedResourceCache cache, String namespace, ListOptions options) {
        var matching = cache.list(null).stream()
                .filter(object -> namespace == null
                        || namespace.equals(object.getMetadata().getNamespace()))
                .filter(object -> options.labels().matches(object.getMetadata().getLabels()))
                .sorted(ObjectKey.ORDER);
        return (options.limit() > 0 ? matching.limit(options.limit()) : matching).toList();
    }

    private static double median(Supplier<List<GenericKubernetesResource>> list, int expected) {
        for (int i = 0; i < 5; i++) {
            assertThat(list.get()).hasSize(expected);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            list.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }
}
