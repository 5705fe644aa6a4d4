package io.kubeeventbridge.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubeeventbridge.event.ObjectJson;
import io.kubeeventbridge.kubernetes.KubernetesClients;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU a watch event costs on the thread that reads it, from its line on the wire to the bytes the handler
 * publishes: read as fabric8's watch manager reads it ({@code WatchEvent}), converted into the operation's type
 * where it is not one, as the manager does, and encoded ({@link ObjectJson}). The bridge's clients
 * ({@link KubernetesClients}) against fabric8's default serialization, for pods (a kind of fabric8's typed model)
 * and for the same objects as a custom kind, which fabric8 decodes into maps straight away.
 *
 * <p>Only this thread's CPU counts, so unlike {@link Rounds} no round starts with a collection (on other threads, and
 * longer than a round in the suite's heap of 8 GB): the four sides take turns in every round instead.
 */
public final class WatchEventDecoding {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String POD_TYPE = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\"";
    private static final String CUSTOM_TYPE = "{\"apiVersion\":\"bench.example.com/v1\",\"kind\":\"BenchPod\"";

    /** Nanoseconds of CPU per event in each measured round. */
    public record Result(Samples bridgePods, Samples fabric8Pods, Samples bridgeCustom, Samples fabric8Custom) {}

    private record Side(KubernetesSerialization serialization, List<String> lines) {}

    private WatchEventDecoding() {}

    public static Result measure(int events, int warmUpRounds, int rounds) {
        List<String> pods = lines(events, POD_TYPE);
        List<String> customObjects = lines(events, CUSTOM_TYPE);
        KubernetesSerialization fabric8 = new KubernetesSerialization();
        try (KubernetesClient client = KubernetesClients.create(Config.empty())) {
            KubernetesSerialization bridge = client.getKubernetesSerialization();
            List<Side> sides = List.of(
                    new Side(bridge, pods),
                    new Side(fabric8, pods),
                    new Side(bridge, customObjects),
                    new Side(fabric8, customObjects));
            double[][] nanos = new double[sides.size()][rounds];
            for (int round = -warmUpRounds; round < rounds; round++) {
                for (int side = 0; side < sides.size(); side++) {
                    double perEvent = nanosPerEvent(sides.get(side));
                    if (round >= 0) {
                        nanos[side][round] = perEvent;
                    }
                }
            }
            return new Result(
                    new Samples(nanos[0]), new Samples(nanos[1]), new Samples(nanos[2]), new Samples(nanos[3]));
        }
    }

    private static double nanosPerEvent(Side side) {
        long bytes = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (String line : side.lines()) {
            bytes += published(side.serialization(), line).length;
        }
        long nanos = THREADS.getCurrentThreadCpuTime() - start;
        if (bytes == 0) {
            throw new IllegalStateException("Nothing encoded");
        }
        return (double) nanos / side.lines().size();
    }

    /** What a bridge informer's handler publishes for one line of a watch. */
    static byte[] published(KubernetesSerialization serialization, String line) {
        WatchEvent event = serialization.unmarshal(line, WatchEvent.class);
        HasMetadata object = (HasMetadata) event.getObject();
        GenericKubernetesResource resource = object instanceof GenericKubernetesResource generic
                ? generic
                : serialization.convertValue(object, GenericKubernetesResource.class);
        return ObjectJson.encode(resource, resource.getApiVersion(), resource.getKind());
    }

    private static List<String> lines(int events, String type) {
        Workload workload = new Workload(17);
        List<String> lines = new ArrayList<>(events);
        for (int index = 0; index < events; index++) {
            String pod = new String(workload.nextJson(index, 10, false), StandardCharsets.UTF_8);
            lines.add("{\"type\":\"MODIFIED\",\"object\":" + type + pod.substring(POD_TYPE.length()) + "}");
        }
        return lines;
    }
}
