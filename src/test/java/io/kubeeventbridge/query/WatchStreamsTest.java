package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeeventbridge.config.TestProperties;
import io.kubeeventbridge.informer.FixedResourceCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class WatchStreamsTest {

    private final ExecutorService writers = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WatchStreams streams = new WatchStreams(
            TestProperties.bind("bridge.query.max-watches=2").query(),
            JsonMapper.shared(),
            QueryApiFixture.TABLES,
            writers,
            timer,
            () -> 0.5,
            meters);
    private final FixedResourceCache pods = new FixedResourceCache(QueryApiFixture.PODS);

    @AfterEach
    void stop() {
        streams.close();
    }

    @Test
    void aWatchSendsItsHeadersBeforeAnyEventThenStreamsOnceTheContainerCallsBack() throws IOException {
        pods.put(QueryApiFixture.pod("shop", "web-1", Map.of("app", "web"), "Running", "node-1"));
        Exchange watch = new Exchange();

        assertThat(open(watch, Map.of())).isNull();

        assertThat(watch.response.isCommitted()).isTrue();
        assertThat(watch.response.getStatus()).isEqualTo(200);
        assertThat(watch.response.getContentType()).isEqualTo("application/json");
        assertThat(watch.body.written()).isEmpty();
        watch.body.listener.onWritePossible();
        assertThat(watch.body.written()).startsWith("{\"type\":\"ADDED\"").endsWith("\n");
    }

    @Test
    void beyondMaxWatchesAWatchIsTooManyRequestsUntilOneEnds() {
        Exchange first = new Exchange();
        assertThat(open(first, Map.of())).isNull();
        assertThat(open(new Exchange(), Map.of())).isNull();

        ResponseEntity<Object> third = open(new Exchange(), Map.of());

        assertThat(third.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(third.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(message(third)).contains("bridge.query.max-watches");
        assertThat(meters.get("bridge.query.watches.refused").counter().count()).isEqualTo(1);
        assertThat(meters.get("bridge.query.watches").gauge().value()).isEqualTo(2);
        first.request.getAsyncContext().complete();
        assertThat(open(new Exchange(), Map.of())).isNull();
    }

    @Test
    void aWatchWhoseTimeIsUpEndsItsRequestAndFreesItsPlace() throws IOException {
        Exchange watch = new Exchange();
        open(watch, Map.of("timeoutSeconds", "1"));
        watch.body.listener.onWritePossible();

        await().untilAsserted(() -> assertThat(ended("timed_out")).isEqualTo(1));
        assertThat(watch.request.isAsyncStarted()).isFalse();
        assertThat(open(new Exchange(), Map.of())).isNull();
        assertThat(open(new Exchange(), Map.of())).isNull();
    }

    @Test
    void aWatchThatFallsBehindEndsWithExpiredAndIsCountedSo() throws IOException {
        Exchange watch = new Exchange();
        open(watch, Map.of());
        // Nothing is written until the container calls back: every change waits in the watcher's buffer.
        for (int i = 0; i <= Watcher.BUFFER; i++) {
            pods.put(QueryApiFixture.pod("shop", "web-" + i, Map.of("app", "web"), "Running", "node-1"));
        }

        watch.body.listener.onWritePossible();

        await().untilAsserted(() -> assertThat(ended("fell_behind")).isEqualTo(1));
        assertThat(watch.body.written()).startsWith("{\"type\":\"ERROR\"").contains("\"code\":410");
        assertThat(meters.get("bridge.query.watches").gauge().value()).isZero();
    }

    @Test
    void aWatchFromBeforeTheWindowIsExpiredAndHoldsNoPlace() {
        ResponseEntity<Object> expired = open(new Exchange(), Map.of("resourceVersion", "0x"));
        ResponseEntity<Object> again = open(new Exchange(), Map.of("resourceVersion", "0x"));

        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(((Map<?, ?>) expired.getBody()).get("reason")).isEqualTo("Expired");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(open(new Exchange(), Map.of())).isNull();
        assertThat(open(new Exchange(), Map.of())).isNull();
    }

    @Test
    void aWatchOfAResourceNotSyncedYetIsServiceUnavailable() {
        pods.synced(false);
        Exchange watch = new Exchange();

        assertThat(open(watch, Map.of()).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(watch.request.isAsyncStarted()).isFalse();
    }

    private ResponseEntity<Object> open(Exchange exchange, Map<String, String> parameters) {
        return streams.open(
                pods,
                null,
                ListOptions.parse(Map.of()),
                WatchOptions.parse(parameters),
                false,
                exchange.request,
                exchange.response);
    }

    private double ended(String reason) {
        return meters.find("bridge.query.watches.ended").tag("reason", reason).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static String message(ResponseEntity<Object> status) {
        return String.valueOf(((Map<?, ?>) status.getBody()).get("message"));
    }

    /** A watch request and its response, whose body takes a write listener, as the servlet container's does. */
    private static final class Exchange {

        final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/k8s/api/v1/pods");
        final Body body = new Body();
        final MockHttpServletResponse response = new MockHttpServletResponse() {
            @Override
            public ServletOutputStream getOutputStream() {
                return body;
            }
        };

        Exchange() {
            request.setAsyncSupported(true);
        }
    }

    /** Always ready; the test calls the listener, as the container would. */
    private static final class Body extends ServletOutputStream {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private WriteListener listener;

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            this.listener = listener;
        }

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String written() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
