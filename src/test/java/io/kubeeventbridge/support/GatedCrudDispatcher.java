package io.kubeeventbridge.support;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mock API server's CRUD dispatcher, with gates: while a path prefix is closed, requests under it answer 503,
 * as an API server that is unreachable or overloaded would, which holds an informer unsynced; watches that expire,
 * which make an informer list again; and {@code /version}, which the CRUD dispatcher does not serve.
 */
public final class GatedCrudDispatcher extends KubernetesCrudDispatcher {

    /** The version the mock API server reports, as a real API server's {@code /version}. */
    public static final String VERSION = "{\"major\":\"1\",\"minor\":\"33\",\"gitVersion\":\"v1.33.1\","
            + "\"gitCommit\":\"mock\",\"gitTreeState\":\"clean\",\"buildDate\":\"2025-05-15T00:00:00Z\","
            + "\"goVersion\":\"go1.24.2\",\"compiler\":\"gc\",\"platform\":\"linux/amd64\"}";

    private static final String EXPIRED = "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
            + "\"status\":\"Failure\",\"code\":410,\"reason\":\"Expired\",\"message\":\"too old resource version\"}}";

    private final Set<String> closedPrefixes = ConcurrentHashMap.newKeySet();
    private final Set<String> expiringWatchPrefixes = ConcurrentHashMap.newKeySet();

    public void close(String pathPrefix) {
        closedPrefixes.add(pathPrefix);
    }

    public void open(String pathPrefix) {
        closedPrefixes.remove(pathPrefix);
    }

    /**
     * The next watch under {@code pathPrefix} ends with an ERROR event of code 410 once open, as an API server's
     * watch does when the resourceVersion it resumes from has been compacted away: the client must list again.
     */
    public void expireNextWatch(String pathPrefix) {
        expiringWatchPrefixes.add(pathPrefix);
    }

    @Override
    public MockResponse handleWatch(String path) {
        MockResponse watch = super.handleWatch(path);
        if (!expiringWatchPrefixes.removeIf(path::startsWith)) {
            return watch;
        }
        WebSocketListener events = watch.getWebSocketListener();
        return watch.withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                events.onOpen(webSocket, response);
                webSocket.send(EXPIRED);
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                events.onClosing(webSocket, code, reason);
            }

            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                events.onClosed(webSocket, code, reason);
            }
        });
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        if (closedPrefixes.stream().anyMatch(path::startsWith)) {
            return new MockResponse()
                    .setResponseCode(503)
                    .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":503,"
                            + "\"reason\":\"ServiceUnavailable\",\"message\":\"gate closed by the test\"}");
        }
        if (path.equals("/version")) {
            return new MockResponse().setResponseCode(200).setBody(VERSION);
        }
        return super.dispatch(request);
    }
}
