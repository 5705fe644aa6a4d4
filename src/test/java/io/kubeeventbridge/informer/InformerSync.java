package io.kubeeventbridge.informer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeeventbridge.bench.Samples;
import io.kubeeventbridge.bench.Workload;
import io.kubeeventbridge.event.EventNormaliser;
import io.kubeeventbridge.event.ResourceType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sync time: from starting the bridge's informer (filtering item store, label indexers, change classification,
 * every snapshot normalised into a CloudEvent on the handler thread, then dropped: no Kafka) until it reports synced,
 * the bridge's readiness condition; against a bare fabric8 informer on the same objects. The objects come from a
 * prepared list response served by a small HTTP stub, which answers watches with an idle stream.
 */
public final class InformerSync {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** Median milliseconds to sync. */
    public record Result(double bridgeMillis, double bareMillis, int objects) {}

    private InformerSync() {}

    public static Result measure(int objects, int rounds) throws Exception {
        byte[] list = podList(objects);
        CountDownLatch stopped = new CountDownLatch(1);
        ExecutorService handlers = Executors.newCachedThreadPool();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/api/v1/pods", exchange -> answer(exchange, list, stopped));
        server.start();
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .build();
        EventNormaliser normaliser =
                new EventNormaliser("bench", JsonMapper.builder().build());
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(config).build()) {
            double[] bridge = new double[rounds];
            double[] bare = new double[rounds];
            for (int round = -1; round < rounds; round++) { // round -1 warms up both
                double bareMillis = bare(client, objects);
                double bridgeMillis = bridge(client, normaliser, objects);
                if (round >= 0) {
                    bare[round] = bareMillis;
                    bridge[round] = bridgeMillis;
                    System.out.printf(
                            "sync %d objects, round %d: bridge %.0f ms, bare informer %.0f ms%n",
                            objects, round + 1, bridgeMillis, bareMillis);
                }
            }
            return new Result(new Samples(bridge).median(), new Samples(bare).median(), objects);
        } finally {
            stopped.countDown();
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    private static double bare(KubernetesClient client, int objects) throws InterruptedException {
        System.gc();
        long start = System.nanoTime();
        SharedIndexInformer<GenericKubernetesResource> informer =
                client.genericKubernetesResources(definition()).inAnyNamespace().runnableInformer(0);
        informer.start();
        try {
            awaitSynced(informer::hasSynced);
            long end = System.nanoTime();
            check(informer.getStore().list().size(), objects);
            return (end - start) / 1e6;
        } finally {
            informer.stop();
        }
    }

    private static double bridge(KubernetesClient client, EventNormaliser normaliser, int objects)
            throws InterruptedException {
        System.gc();
        long start = System.nanoTime();
        ResourceInformer informer = new ResourceInformer(
                client,
                new InformerTarget(PODS, null, null, null),
                (operation, object) -> normaliser.normalise(PODS, operation, object, OffsetDateTime.now()),
                ObjectFilter.NONE,
                Duration.ZERO);
        informer.start();
        try {
            awaitSynced(informer::hasSynced);
            long end = System.nanoTime();
            check(informer.objects().size(), objects);
            return (end - start) / 1e6;
        } finally {
            informer.stop();
        }
    }

    private static void awaitSynced(BooleanSupplier synced) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!synced.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not synced within " + TIMEOUT);
            }
            Thread.sleep(1);
        }
    }

    private static void check(int cached, int expected) {
        if (cached != expected) {
            throw new IllegalStateException("cached " + cached + " of " + expected);
        }
    }

    /** The list from the prepared response; a watch gets an open, idle stream until the benchmark ends. */
    private static void answer(HttpExchange exchange, byte[] list, CountDownLatch stopped) throws IOException {
        String query = String.valueOf(exchange.getRequestURI().getRawQuery());
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (query.contains("watch=true")) {
            exchange.sendResponseHeaders(200, 0);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, list.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(list);
        }
    }

    private static byte[] podList(int objects) throws IOException {
        Workload workload = new Workload(11);
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        list.write(("{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\""
                        + (objects + 5000) + "\"},\"items\":[")
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < objects; i++) {
            if (i > 0) {
                list.write(',');
            }
            list.write(workload.nextJson(i, 100, false));
        }
        list.write("]}".getBytes(StandardCharsets.UTF_8));
        return list.toByteArray();
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
