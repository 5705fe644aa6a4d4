package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.config.TestProperties;
import io.kubeeventbridge.informer.FixedResourceCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

class WatchStreamsTest {

    private final List<Runnable> watchThreads = new ArrayList<>();
    private final WatchStreams streams = new WatchStreams(
            TestProperties.bind("bridge.query.max-watches=2").query(),
            JsonMapper.shared(),
            QueryApiFixture.TABLES,
            watchThreads::add,
            () -> 0.5);
    private final FixedResourceCache pods = new FixedResourceCache(QueryApiFixture.PODS);

    @Test
    void beyondMaxWatchesAWatchIsTooManyRequests() {
        assertThat(open(Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(open(Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Object> third = open(Map.of());

        assertThat(third.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(third.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(message(third)).contains("bridge.query.max-watches");
        assertThat(watchThreads).hasSize(2);
    }

    @Test
    void aWatchFromBeforeTheWindowIsExpiredAndHoldsNoPlace() {
        ResponseEntity<Object> expired = open(Map.of("resourceVersion", "0x"));
        ResponseEntity<Object> again = open(Map.of("resourceVersion", "0x"));
        ResponseEntity<Object> servable = open(Map.of());
        ResponseEntity<Object> alsoServable = open(Map.of());

        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(((Map<?, ?>) expired.getBody()).get("reason")).isEqualTo("Expired");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(servable.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(alsoServable.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aWatchOfAResourceNotSyncedYetIsServiceUnavailable() {
        pods.synced(false);

        assertThat(open(Map.of()).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(watchThreads).isEmpty();
    }

    private ResponseEntity<Object> open(Map<String, String> parameters) {
        return streams.open(pods, null, ListOptions.parse(Map.of()), WatchOptions.parse(parameters), false);
    }

    private static String message(ResponseEntity<Object> status) {
        return String.valueOf(((Map<?, ?>) status.getBody()).get("message"));
    }
}
