package io.kubeeventbridge.support;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * The mock API server's CRUD dispatcher, with gates: while a path prefix is closed, requests under it answer 503,
 * as an API server that is unreachable or overloaded would, which holds an informer unsynced; hidden, they answer
 * 404, as for what the API server does not serve; verbs forbidden under a path prefix, as RBAC forbids them; and
 * watches that expire, which make an informer list again, and watches that go silent, as across a network partition the
 * client does not notice, until they expire. It also serves the group discovery documents of the groups
 * of its CRDs ({@link ApiGroupDocuments}) and {@code /version}, which the mock lacks.
 */
public final class GatedCrudDispatcher extends KubernetesCrudDispatcher {

    /** The version the mock API server reports, as a real API server's {@code /version}. */
    public static final String VERSION = "{\"major\":\"1\",\"minor\":\"33\",\"gitVersion\":\"v1.33.1\","
            + "\"gitCommit\":\"mock\",\"gitTreeState\":\"clean\",\"buildDate\":\"2025-05-15T00:00:00Z\","
            + "\"goVersion\":\"go1.24.2\",\"compiler\":\"gc\",\"platform\":\"linux/amd64\"}";

    private static final String EXPIRED = "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
            + "\"status\":\"Failure\",\"code\":410,\"reason\":\"Expired\",\"message\":\"too old resource version\"}}";

    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    private final Set<String> closedPrefixes = ConcurrentHashMap.newKeySet();
    private final Set<String> hiddenPrefixes = ConcurrentHashMap.newKeySet();
    private final Set<String> expiringWatchPrefixes = ConcurrentHashMap.newKeySet();
    private final Map<String, String> forbiddenVerbs = new ConcurrentHashMap<>();
    private final Set<String> silencedWatchPrefixes = ConcurrentHashMap.newKeySet();
    private final Map<WebSocket, String> openWatches = new ConcurrentHashMap<>();
    // The mock's own listeners of open watches, which every change is sent to, and the lock changes are made under
    // (private fields of KubernetesCrudDispatcher): see closing().
    private final Set<?> watchListeners = mockField("watchEventListeners");
    private final ReadWriteLock changes = mockField("lock");

    public void close(String pathPrefix) {
        closedPrefixes.add(pathPrefix);
    }

    /** Undoes {@link #close}, {@link #hide} and {@link #silenceWatches} for {@code pathPrefix}. */
    public void open(String pathPrefix) {
        closedPrefixes.remove(pathPrefix);
        hiddenPrefixes.remove(pathPrefix);
        silencedWatchPrefixes.remove(pathPrefix);
    }

    /** Requests under {@code pathPrefix} answer 404 until {@link #open} is called for it. */
    public void hide(String pathPrefix) {
        hiddenPrefixes.add(pathPrefix);
    }

    /**
     * GET requests under {@code pathPrefix} for {@code verb} ({@code list} or {@code watch}) answer 403 from now on,
     * with the Status an API server's RBAC authorizer gives.
     */
    public void forbid(String pathPrefix, String verb) {
        forbiddenVerbs.put(pathPrefix, verb);
    }

    /** Undoes {@link #forbid} for {@code pathPrefix}. */
    public void permit(String pathPrefix) {
        forbiddenVerbs.remove(pathPrefix);
    }

    /**
     * The next watch under {@code pathPrefix} ends with an ERROR event of code 410 once open, as an API server's
     * watch does when the resourceVersion it resumes from has been compacted away: the client must list again.
     */
    public void expireNextWatch(String pathPrefix) {
        expiringWatchPrefixes.add(pathPrefix);
    }

    private static MockResponse notFound() {
        return new MockResponse()
                .setResponseCode(404)
                .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":404,"
                        + "\"reason\":\"NotFound\",\"message\":\"the server could not find the requested resource\"}");
    }

    /**
     * Open watches under {@code pathPrefix}, and those opened from now on, receive no events until
     * {@link #expireSilencedWatches}: the client believes it is watching while changes pass it by.
     */
    public void silenceWatches(String pathPrefix) {
        silencedWatchPrefixes.add(pathPrefix);
    }

    /**
     * Ends the silenced watches under {@code pathPrefix} with an ERROR event of code 410, and lets later watches
     * receive events again: the client must list again, and finds what changed while it heard nothing.
     */
    public void expireSilencedWatches(String pathPrefix) {
        silencedWatchPrefixes.remove(pathPrefix);
        openWatches.forEach((socket, path) -> {
            if (path.startsWith(pathPrefix)) {
                socket.send(EXPIRED);
            }
        });
    }

    @Override
    public MockResponse handleWatch(String path) {
        MockResponse watch = super.handleWatch(path);
        boolean expires = expiringWatchPrefixes.removeIf(path::startsWith);
        WebSocketListener events = watch.getWebSocketListener();
        return watch.withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                openWatches.put(webSocket, path);
                events.onOpen(new SilenceableWebSocket(webSocket, path), response);
                if (expires) {
                    webSocket.send(EXPIRED);
                }
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                events.onClosing(webSocket, code, reason);
            }

            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                closing(webSocket, events, () -> events.onClosed(webSocket, code, reason));
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
                closing(webSocket, events, () -> events.onFailure(webSocket, failure, response));
            }
        });
    }

    /**
     * Runs the mock's handling of a closed or failed watch ({@code mockClosing}) off the server's event loop, where it
     * is called: it waits there (up to a minute) for the watch's event sender to stop, and a sender in the middle of a
     * send waits for that event loop to write, so a watch closed while an event was on its way froze the whole mock
     * server (seen: a create timing out in the next test). The mock stops the sender before it forgets the watch, and
     * a change sent to a watch whose sender has stopped fails, leaving the change's request unanswered (seen: a patch
     * timing out): so the watch is forgotten here first, and its sender stopped once no change is still being sent to
     * it.
     */
    private void closing(WebSocket webSocket, WebSocketListener events, Runnable mockClosing) {
        openWatches.remove(webSocket);
        watchListeners.remove(events);
        // A thread of its own: the wait may be long, and the common pool has one thread on two cores.
        Thread thread = new Thread(
                () -> {
                    changes.writeLock().lock();
                    changes.writeLock().unlock();
                    mockClosing.run();
                },
                "mock-watch-closing");
        thread.setDaemon(true);
        thread.start();
    }

    @SuppressWarnings("unchecked")
    private <T> T mockField(String name) {
        try {
            Field field = KubernetesCrudDispatcher.class.getDeclaredField(name);
            field.setAccessible(true);
            return (T) field.get(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The mock API server has no field " + name + " any more", e);
        }
    }

    /** The socket the CRUD dispatcher sends a watch's events through: drops them while the watch is silenced. */
    private final class SilenceableWebSocket implements WebSocket {

        private final WebSocket socket;
        private final String path;

        private SilenceableWebSocket(WebSocket socket, String path) {
            this.socket = socket;
            this.path = path;
        }

        private boolean silenced() {
            return silencedWatchPrefixes.stream().anyMatch(path::startsWith);
        }

        @Override
        public RecordedRequest request() {
            return socket.request();
        }

        @Override
        public boolean send(String text) {
            return silenced() || socket.send(text);
        }

        @Override
        public boolean send(byte[] bytes) {
            return silenced() || socket.send(bytes);
        }

        @Override
        public boolean close(int code, String reason) {
            return socket.close(code, reason);
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        String verb = path.contains("watch=true") ? "watch" : "list";
        if (request.method() == HttpMethod.GET
                && forbiddenVerbs.entrySet().stream()
                        .anyMatch(forbidden -> path.startsWith(forbidden.getKey())
                                && forbidden.getValue().equals(verb))) {
            return new MockResponse()
                    .setResponseCode(403)
                    .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":403,"
                            + "\"reason\":\"Forbidden\",\"message\":\"forbidden: User \\\"test\\\" cannot " + verb
                            + " this resource\"}");
        }
        if (hiddenPrefixes.stream().anyMatch(path::startsWith)) {
            return notFound();
        }
        if (closedPrefixes.stream().anyMatch(path::startsWith)) {
            return new MockResponse()
                    .setResponseCode(503)
                    .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":503,"
                            + "\"reason\":\"ServiceUnavailable\",\"message\":\"gate closed by the test\"}");
        }
        if (path.equals("/version")) {
            return new MockResponse().setResponseCode(200).setBody(VERSION);
        }
        Optional<String> group = ApiGroupDocuments.groupOf(path);
        if (group.isPresent() && request.method() == HttpMethod.GET) {
            String crds = super.handleGet(CRDS).getBody().readUtf8();
            return ApiGroupDocuments.document(group.get(), crds)
                    .map(document -> new MockResponse().setResponseCode(200).setBody(document))
                    .orElseGet(GatedCrudDispatcher::notFound);
        }
        return super.dispatch(request);
    }
}
