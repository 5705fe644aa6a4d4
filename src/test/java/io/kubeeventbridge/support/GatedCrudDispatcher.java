package io.kubeeventbridge.support;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mock API server's CRUD dispatcher, with gates: while a path prefix is closed, requests under it answer 503,
 * as an API server that is unreachable or overloaded would. Lets tests hold an informer unsynced.
 */
public final class GatedCrudDispatcher extends KubernetesCrudDispatcher {

    private final Set<String> closedPrefixes = ConcurrentHashMap.newKeySet();

    public void close(String pathPrefix) {
        closedPrefixes.add(pathPrefix);
    }

    public void open(String pathPrefix) {
        closedPrefixes.remove(pathPrefix);
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
        return super.dispatch(request);
    }
}
