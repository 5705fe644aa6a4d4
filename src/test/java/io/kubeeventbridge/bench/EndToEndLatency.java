package io.kubeeventbridge.bench;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.KubeEventBridgeApplication;
import io.kubeeventbridge.support.MockKubernetes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * End-to-end latency: from a pod's create call returning until its record is readable by a Kafka consumer. The
 * bridge is the application itself, watching only pods, on the shared mock API server and the benchmark's broker;
 * the baseline a {@link RawForwarder}. One after the other, never both at once, each run warmed up first, at the same
 * steady rate, with the same pods in namespaces of their own. Times are {@link System#nanoTime()}.
 *
 * <p>The mock API server sends the watch event before it answers the create call, so the clock starts when the
 * informer may already have the pod; the stretch measured is the same for both.
 */
public final class EndToEndLatency {

    private static final String TOPIC = "k8s.core.pod";
    private static final int PARTITIONS = 4;
    private static final int NAMESPACES = 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    // How the bridge in a pod finds its API server; the baseline's client reads the same.
    private static final Map<String, String> CLIENT_SETTINGS = Map.of(
            "kubernetes.master", MockKubernetes.url(),
            "kubernetes.auth.tryKubeConfig", "false",
            "kubernetes.auth.tryServiceAccount", "false");

    /** Milliseconds from each measured pod's creation until its record was read. */
    public record Result(Samples bridge, Samples baseline) {}

    private final String bootstrapServers;
    private final int perSecond;
    private final List<Pod> pods;
    private final int warmUp;

    private EndToEndLatency(String bootstrapServers, int perSecond, List<Pod> pods, int warmUp) {
        this.bootstrapServers = bootstrapServers;
        this.perSecond = perSecond;
        this.pods = pods;
        this.warmUp = warmUp;
    }

    /**
     * Alternates baseline and bridge runs, so that both meet the same conditions of a shared machine.
     *
     * @param perSecond pods created per second, at fixed times
     * @param warmUp pods created and awaited at the start of each run, not measured
     * @param measured pods measured in each run
     */
    public static Result measure(String bootstrapServers, int perSecond, int warmUp, int measured, int rounds)
            throws Exception {
        EndToEndLatency runs =
                new EndToEndLatency(bootstrapServers, perSecond, workloadPods(warmUp + measured), warmUp);
        new KafkaAdmin(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))
                .createOrModifyTopics(
                        TopicBuilder.name(TOPIC).partitions(PARTITIONS).build());
        double[] bridge = new double[rounds * measured];
        double[] baseline = new double[rounds * measured];
        CLIENT_SETTINGS.forEach(System::setProperty);
        try {
            // Round -1 warms up both: the first run in a JVM pays for compiling the mock server's, the informer's
            // and the consumer's code, which a run's own warm-up does not cover.
            for (int round = -1; round < rounds; round++) {
                double[] raw = runs.run("baseline-" + (round + 1), () -> new RawForwarder(bootstrapServers, TOPIC));
                double[] bridged = runs.run("bridge-" + (round + 1), () -> startBridge(bootstrapServers));
                if (round >= 0) {
                    System.arraycopy(raw, 0, baseline, round * measured, measured);
                    System.arraycopy(bridged, 0, bridge, round * measured, measured);
                }
            }
        } finally {
            CLIENT_SETTINGS.keySet().forEach(System::clearProperty);
        }
        return new Result(new Samples(bridge), new Samples(baseline));
    }

    /** Latencies of the measured pods through the pipeline {@code start} starts, in namespaces named after the run. */
    private double[] run(String name, Callable<AutoCloseable> start) throws Exception {
        List<Pod> own = pods.stream().map(pod -> inNamespaceOf(name, pod)).toList();
        try (RecordArrivals arrivals = new RecordArrivals(bootstrapServers, TOPIC);
                AutoCloseable pipeline = start.call()) {
            arrivals.await(createAtFixedRate(own.subList(0, warmUp)).keySet(), TIMEOUT);
            Map<String, Long> created = createAtFixedRate(own.subList(warmUp, own.size()));
            Map<String, Long> arrived = arrivals.await(created.keySet(), TIMEOUT);
            return created.entrySet().stream()
                    .mapToDouble(pod -> (arrived.get(pod.getKey()) - pod.getValue()) / 1e6)
                    .toArray();
        }
    }

    /** The bridge as it runs in a cluster, minus the web server, which the path to Kafka does not use. */
    private static ConfigurableApplicationContext startBridge(String bootstrapServers) {
        return new SpringApplicationBuilder(KubeEventBridgeApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        // Only the defaults the jar ships, as in the image: not ./application.yaml of the build.
                        "--spring.config.location=classpath:/",
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--bridge.cluster-name=bench",
                        "--bridge.resources[0].api-version=v1",
                        "--bridge.resources[0].resource=pods");
    }

    /** Creates {@code batch} one at a time at fixed times; returns when each create call returned, by key. */
    private Map<String, Long> createAtFixedRate(List<Pod> batch) throws Exception {
        KubernetesClient client = MockKubernetes.client();
        Map<String, Long> created = new ConcurrentHashMap<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Iterator<Pod> next = batch.iterator();
        ScheduledExecutorService creator = Executors.newSingleThreadScheduledExecutor();
        try {
            creator.scheduleAtFixedRate(
                    () -> {
                        if (done.isDone()) {
                            return;
                        }
                        try {
                            Pod pod = next.next();
                            client.pods()
                                    .inNamespace(pod.getMetadata().getNamespace())
                                    .resource(pod)
                                    .create();
                            created.put(key(pod), System.nanoTime());
                            if (!next.hasNext()) {
                                done.complete(null);
                            }
                        } catch (RuntimeException e) {
                            done.completeExceptionally(e);
                        }
                    },
                    0,
                    TimeUnit.SECONDS.toNanos(1) / perSecond,
                    TimeUnit.NANOSECONDS);
            done.get(batch.size() / perSecond + TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            creator.shutdownNow();
        }
        return created;
    }

    /** Workload pods of 2–8 KB, as a user would create them: no uid or resourceVersion. */
    private static List<Pod> workloadPods(int count) {
        Workload workload = new Workload(23);
        KubernetesClient client = MockKubernetes.client();
        List<Pod> pods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Pod pod = client.getKubernetesSerialization()
                    .unmarshal(new String(workload.nextJson(i, NAMESPACES, false), StandardCharsets.UTF_8), Pod.class);
            pods.add(new PodBuilder(pod)
                    .editMetadata()
                    .withUid(null)
                    .withResourceVersion(null)
                    .endMetadata()
                    .build());
        }
        return pods;
    }

    private static Pod inNamespaceOf(String run, Pod pod) {
        return new PodBuilder(pod)
                .editMetadata()
                .withNamespace("e2e-" + run + "-" + pod.getMetadata().getNamespace())
                .endMetadata()
                .build();
    }

    private static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }
}
