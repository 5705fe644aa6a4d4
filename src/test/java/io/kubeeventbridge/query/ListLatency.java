package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl;
import io.kubeeventbridge.bench.Samples;
import io.kubeeventbridge.bench.Workload;
import io.kubeeventbridge.informer.FixedResourceCache;
import io.kubeeventbridge.selector.LabelSelector;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * List latency over 50,000 cached pods of 2–8 KB (100 namespaces, label app in 50 values), each list answered in full:
 * found, filtered, sorted and written as the JSON response body. The bridge lists through its indexes from its
 * compact store and writes each item from its kept JSON; the baseline, measured in the same run on the same pods,
 * is what a plain fabric8 cache would do: scan fabric8's default store of decoded objects, filter, sort, and
 * serialise the decoded objects. Part of the benchmark suite ({@code ./mvnw -Pbench verify}); the default build does
 * not run it.
 */
public final class ListLatency {

    /** Median milliseconds of one list through the bridge and through the baseline. */
    public record Timing(double bridgeMillis, double naiveMillis) {}

    /** The namespace list and the label-selector list over all namespaces, the cases the summary reports. */
    public record Result(Timing namespace, Timing label) {}

    private static final int NAMESPACES = 100;
    private static final int PODS = 50_000;
    private static final int RUNS = 30;
    private static final ObjectWriter JSON = JsonMapper.shared().writer();
    private static final Comparator<GenericKubernetesResource> NAIVE_ORDER = Comparator.comparing(
                    (GenericKubernetesResource object) ->
                            Objects.requireNonNullElse(object.getMetadata().getNamespace(), ""))
            .thenComparing(object -> object.getMetadata().getName());

    private ListLatency() {}

    /** Prints the latency of each kind of list over 50,000 cached pods; returns the two the summary reports. */
    public static Result measure() {
        FixedResourceCache cache = new FixedResourceCache(QueryApiFixture.PODS);
        CacheImpl<GenericKubernetesResource> plain = new CacheImpl<>();
        Workload workload = new Workload(3);
        for (int i = 0; i < PODS; i++) {
            GenericKubernetesResource pod = Workload.decode(workload.nextJson(i, NAMESPACES, false));
            // The same instance: the bridge's cache gives it a resourceVersion of its own.
            cache.put(pod);
            plain.put(pod);
        }
        System.out.printf(
                "%n%-46s %12s %12s %8s%n", "list over 50,000 cached pods", "bridge (ms)", "naive (ms)", "ratio");
        compare("all namespaces, limit=500 (first page)", cache, plain, null, "", 500);
        Timing namespace = compare("one namespace", cache, plain, "ns-42", "", 0);
        Timing label = compare("label selector app=app-7, all namespaces", cache, plain, null, "app=app-7", 0);
        compare("label selector app=app-7 in one namespace", cache, plain, "ns-42", "app=app-7", 0);
        compare("label selector app in (app-1,app-2)", cache, plain, null, "app in (app-1,app-2)", 0);
        return new Result(namespace, label);
    }

    private static Timing compare(
            String name,
            FixedResourceCache cache,
            CacheImpl<GenericKubernetesResource> plain,
            String namespace,
            String labels,
            int limit) {
        ListOptions options =
                new ListOptions(LabelSelector.parse(labels), ListOptions.EVERYTHING.fields(), limit, null);
        Supplier<byte[]> bridge = () -> JSON.writeValueAsBytes(
                ListBodies.list(cache.type(), cache.resourceVersion(), CacheLister.list(cache, namespace, options)));
        Supplier<byte[]> naive = () -> JSON.writeValueAsBytes(naive(cache, plain, namespace, options));
        // Both answer the same body, byte for byte, or the comparison means nothing.
        assertThat(bridge.get()).isEqualTo(naive.get());
        double bridgeMillis = median(bridge);
        double naiveMillis = median(naive);
        System.out.printf("%-46s %12.3f %12.3f %7.1fx%n", name, bridgeMillis, naiveMillis, naiveMillis / bridgeMillis);
        return new Timing(bridgeMillis, naiveMillis);
    }

    /** The list body from a full scan of decoded objects: filter, sort, cut, serialise. */
    private static Map<String, Object> naive(
            FixedResourceCache cache,
            CacheImpl<GenericKubernetesResource> plain,
            String namespace,
            ListOptions options) {
        var matching = plain.list().stream()
                .filter(object -> namespace == null
                        || namespace.equals(object.getMetadata().getNamespace()))
                .filter(object -> options.labels().matches(object.getMetadata().getLabels()))
                .sorted(NAIVE_ORDER)
                .toList();
        List<GenericKubernetesResource> items =
                options.limit() > 0 ? matching.subList(0, Math.min(options.limit(), matching.size())) : matching;
        int remaining = matching.size() - items.size();
        String next = remaining > 0
                ? ContinueToken.after(new ObjectKey(
                        items.get(items.size() - 1).getMetadata().getNamespace(),
                        items.get(items.size() - 1).getMetadata().getName()))
                : null;
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", cache.type().apiVersion());
        list.put("kind", cache.type().kind() + "List");
        list.put(
                "metadata",
                ListBodies.metadata(cache.resourceVersion(), new CacheLister.Page(List.of(), next, remaining)));
        list.put("items", items);
        return list;
    }

    private static double median(Supplier<byte[]> list) {
        for (int i = 0; i < 5; i++) {
            list.get();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            list.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return new Samples(millis).median();
    }
}
