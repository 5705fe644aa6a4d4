package io.kubeeventbridge.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in API server for sync benchmarks and list tests: {@code GET /api/v1/pods} lists a number of pods,
 * honouring {@code limit} and {@code continue} as the API server does, and a watch gets an open, idle stream until
 * {@link #expireWatches} or the server closes. Pods can be updated and deleted, and continue tokens expired, as
 * between the pages or lists of a real API server. Each response is written as it is generated, so memory stays
 * bounded however many pods there are. It speaks no WebSocket: clients must use HTTP watches
 * ({@code Config#isOnlyHttpWatches}).
 *
 * <p>Pod {@code i} is {@code ns-(i % 100)/pod-i} with a uid and resourceVersion of its own, the same in every list
 * and every page; the rest of it (labels, annotations, spec, status: 2–8 KB) is one of a pool of {@link Workload}
 * pods, kept as JSON around a hole for the identity. Generating every pod afresh (the Workload takes about 70 µs a
 * pod, Jackson writing a tree about 50 µs) would put 5–7 s of the stub's work into each sync of 100,000 pods.
 */
public final class PodListServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int POOL = 1_000;
    private static final int NAMESPACES = 100;
    private static final String HOLE_NAME = "identity-goes-here";
    private static final String HOLE = "\"name\":\"" + HOLE_NAME + "\"";

    /** A pod's JSON without its identity: {@code before}, then the identity's fields, then {@code after}. */
    private record Template(byte[] before, byte[] after) {}

    private static final String EXPIRED = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
            + "\"message\":\"too old resource version\",\"reason\":\"Expired\",\"code\":410}";

    private final ListedPods pods;
    private final List<Template> pool = new ArrayList<>(POOL);
    private final List<String> listQueries = new CopyOnWriteArrayList<>();
    private final AtomicInteger continuesToExpire = new AtomicInteger();
    private volatile Runnable onExpiry = () -> {};
    private volatile CountDownLatch watchesEnd = new CountDownLatch(1);
    private final AtomicInteger openWatches = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final HttpServer server;

    public PodListServer(int objects) throws IOException {
        this.pods = new ListedPods(objects);
        Workload workload = new Workload(11);
        for (int i = 0; i < POOL; i++) {
            pool.add(template(workload.nextJson(i, NAMESPACES, false)));
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/api/v1/pods", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Updates pod {@code index}: a new resourceVersion, the rest unchanged. */
    public void update(int index) {
        pods.update(index);
    }

    public void delete(int index) {
        pods.delete(index);
    }

    /** Answers the next {@code count} requests that continue a list with 410 Expired, running {@code meanwhile} first. */
    public void expireContinues(int count, Runnable meanwhile) {
        onExpiry = meanwhile;
        continuesToExpire.set(count);
    }

    /** Ends every open watch with a 410 Expired event, as the API server does past its window: clients list again. */
    public void expireWatches() {
        CountDownLatch ending = watchesEnd;
        watchesEnd = new CountDownLatch(1);
        ending.countDown();
    }

    /** The resourceVersion a list would have now. */
    public String latestResourceVersion() {
        return Long.toString(pods.latest());
    }

    /** How many watches are open now: {@link #expireWatches} ends only those. */
    public int openWatches() {
        return openWatches.get();
    }

    /** The query string of every list request so far, in order. */
    public List<String> listQueries() {
        return List.copyOf(listQueries);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = query(rawQuery);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if ("true".equals(query.get("watch"))) {
            exchange.sendResponseHeaders(200, 0);
            watch(exchange);
            return;
        }
        listQueries.add(rawQuery == null ? "" : rawQuery);
        if (query.containsKey("continue") && continuesToExpire.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            onExpiry.run();
            byte[] status = EXPIRED.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(410, status.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(status);
            }
            return;
        }
        exchange.sendResponseHeaders(200, 0);
        int from = query.containsKey("continue") ? Integer.parseInt(query.get("continue")) : 0;
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : pods.capacity();
        try (OutputStream list = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
            write(
                    list,
                    "{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"" + pods.latest()
                            + "\"");
            int next = pods.forEach(from, limit, index -> {});
            if (pods.anyFrom(next)) {
                // Opaque to clients; here simply the index of the next pod.
                write(list, ",\"continue\":\"" + next + "\"");
            }
            write(list, "},\"items\":[");
            boolean[] first = {true};
            pods.forEach(from, limit, index -> writePod(list, index, first));
            write(list, "]}");
        }
    }

    private void writePod(OutputStream list, int index, boolean[] first) {
        try {
            if (!first[0]) {
                list.write(',');
            }
            first[0] = false;
            Template pod = pool.get(index % POOL);
            list.write(pod.before());
            write(list, identity(index, pods.resourceVersion(index)));
            list.write(pod.after());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void watch(HttpExchange exchange) throws IOException {
        CountDownLatch ending = watchesEnd;
        openWatches.incrementAndGet();
        try {
            while (!ending.await(100, TimeUnit.MILLISECONDS)) {
                if (closed.getCount() == 0) {
                    exchange.close();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        } finally {
            openWatches.decrementAndGet();
        }
        try (OutputStream stream = exchange.getResponseBody()) {
            write(stream, "{\"type\":\"ERROR\",\"object\":" + EXPIRED + "}\n");
        }
    }

    private static String identity(int index, long resourceVersion) {
        return "\"name\":\"pod-" + index + "\",\"namespace\":\"ns-" + (index % NAMESPACES) + "\",\"uid\":\""
                + new UUID(11, index) + "\",\"resourceVersion\":\"" + resourceVersion + "\"";
    }

    private static Template template(byte[] pod) {
        ObjectNode object = (ObjectNode) JSON.readTree(pod);
        ((ObjectNode) object.get("metadata"))
                .put("name", HOLE_NAME)
                .remove(List.of("namespace", "uid", "resourceVersion"));
        String json = JSON.writeValueAsString(object);
        int hole = json.indexOf(HOLE);
        return new Template(
                json.substring(0, hole).getBytes(StandardCharsets.UTF_8),
                json.substring(hole + HOLE.length()).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw != null) {
            for (String parameter : raw.split("&")) {
                int equals = parameter.indexOf('=');
                if (equals > 0) {
                    parameters.put(
                            parameter.substring(0, equals),
                            URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }
}
