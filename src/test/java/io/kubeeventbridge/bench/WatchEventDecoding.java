package io.kubeeventbridge.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubeeventbridge.bench.Rounds.Contender;
import io.kubeeventbridge.bench.Rounds.Medians;
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
 */
public final class WatchEventDecoding {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String POD_TYPE = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\"";
    private static final String CUSTOM_TYPE = "{\"apiVersion\":\"bench.example.com/v1\",\"kind\":\"BenchPod\"";

    /** Nanoseconds of CPU per event, the medians of the bridge's and fabric8's rounds. */
    public record Result(Medians pods, Medians customObjects) {}

    private WatchEventDecoding() {}

    public static Result measure(int events, int warmUpRounds, int rounds) throws InterruptedException {
        List<String> pods = lines(events, POD_TYPE);
        List<String> customObjects = lines(events, CUSTOM_TYPE);
        KubernetesSerialization fabric8 = new KubernetesSerialization();
        try (KubernetesClient client = KubernetesClients.withoutWireLog(Config.empty())) {
            KubernetesSerialization bridge = client.getKubernetesSerialization();
            return new Result(
                    Rounds.alternate(
                            "watch_event_pod",
                            "ns/event",
                            warmUpRounds,
                            rounds,
                            new Contender("bridge", () -> nanosPerEvent(bridge, pods)),
                            new Contender("fabric8", () -> nanosPerEvent(fabric8, pods))),
                    Rounds.alternate(
                            "watch_event_custom",
                            "ns/event",
                            warmUpRounds,
                            rounds,
                            new Contender("bridge", () -> nanosPerEvent(bridge, customObjects)),
                            new Contender("fabric8", () -> nanosPerEvent(fabric8, customObjects))));
        }
    }

    private static double nanosPerEvent(KubernetesSerialization serialization, List<String> lines) {
        long bytes = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (String line : lines) {
            bytes += published(serialization, line).length;
        }
        long nanos = THREADS.getCurrentThreadCpuTime() - start;
        if (bytes == 0) {
            throw new IllegalStateException("Nothing encoded");
        }
        return (double) nanos / lines.size();
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
