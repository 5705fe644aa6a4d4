package io.kubeeventbridge.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in API server for sync benchmarks: {@code GET /api/v1/pods} lists a fixed number of pods, honouring
 * {@code limit} and {@code continue} as the API server does, and a watch gets an open, idle stream until the server
 * closes. Each response is written as it is generated, so memory stays bounded however many pods there are. It
 * speaks no WebSocket: clients must use HTTP watches ({@code Config#isOnlyHttpWatches}).
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
    private static final int FIRST_RESOURCE_VERSION = 1000;
    private static final String HOLE_NAME = "identity-goes-here";
    private static final String HOLE = "\"name\":\"" + HOLE_NAME + "\"";

    /** A pod's JSON without its identity: {@code before}, then the identity's fields, then {@code after}. */
    private record Template(byte[] before, byte[] after) {}

    private final int objects;
    private final List<Template> pool = new ArrayList<>(POOL);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final HttpServer server;

    public PodListServer(int objects) throws IOException {
        this.objects = objects;
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

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        if ("true".equals(query.get("watch"))) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        int from = query.containsKey("continue") ? Integer.parseInt(query.get("continue")) : 0;
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : objects;
        int to = Math.min(objects, from + limit);
        try (OutputStream list = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
            write(
                    list,
                    "{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\""
                            + (FIRST_RESOURCE_VERSION + objects) + "\"");
            if (to < objects) {
                // Opaque to clients; here simply the index of the next pod.
                write(list, ",\"continue\":\"" + to + "\"");
            }
            write(list, "},\"items\":[");
            for (int i = from; i < to; i++) {
                Template pod = pool.get(i % POOL);
                list.write(pod.before());
                write(list, identity(i));
                list.write(pod.after());
                if (i < to - 1) {
                    list.write(',');
                }
            }
            write(list, "]}");
        }
    }

    private static String identity(int index) {
        return "\"name\":\"pod-" + index + "\",\"namespace\":\"ns-" + (index % NAMESPACES) + "\",\"uid\":\""
                + new UUID(11, index) + "\",\"resourceVersion\":\"" + (FIRST_RESOURCE_VERSION + index) + "\"";
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
