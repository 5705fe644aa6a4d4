package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.informer.FixedResourceCache;
import io.kubeeventbridge.informer.Subscription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WatcherTest {

    private static final long NEVER = Long.MAX_VALUE / 2;

    private final FixedResourceCache pods = new FixedResourceCache(QueryApiFixture.PODS);
    private final RecordingSink sink = new RecordingSink();
    private Thread writer;

    @AfterEach
    void stopWriter() throws InterruptedException {
        if (writer != null) {
            writer.interrupt();
            writer.join();
        }
    }

    @Test
    void writesTheCurrentStateThenEachChangeUntilStopped() {
        pods.put(pod("web-1", "web"));
        pods.put(pod("web-2", "web"));
        Watcher watcher = watcher("", options(Map.of()), System.nanoTime() + NEVER);
        start(watcher, pods.changes().subscribe(null, watcher));
        pods.put(pod("web-1", "web"));

        await().untilAsserted(() ->
                assertThat(sink.events()).containsExactly("ADDED web-1", "ADDED web-2", "MODIFIED web-1"));
        watcher.stop();
        await().until(() -> sink.completed);
        assertThat(sink.events()).doesNotContain("ERROR");
    }

    @Test
    void aWatchListEndsItsInitialEventsWithABookmarkAtTheVersionTheyShow() {
        pods.put(pod("web-1", "web"));
        Map<String, String> watchList = Map.of(
                "sendInitialEvents", "true", "resourceVersionMatch", "NotOlderThan", "allowWatchBookmarks", "true");
        Watcher watcher = watcher("", options(watchList), System.nanoTime() + NEVER);
        start(watcher, pods.changes().subscribe(null, watcher));

        await().untilAsserted(() -> assertThat(sink.events()).startsWith("ADDED web-1", "BOOKMARK 2 end"));
    }

    @Test
    void aWatcherThatCannotKeepUpIsEndedWithExpiredWhileChangesGoOn() throws InterruptedException {
        pods.put(pod("web-1", "web"));
        Watcher watcher = watcher("", options(Map.of()), System.nanoTime() + NEVER);
        sink.stallFirstSend();
        start(watcher, pods.changes().subscribe(null, watcher));
        await().until(sink::stalled);

        // Recorded on this thread, as an informer's handler records them: none of them waits for the watcher.
        for (int change = 0; change <= Watcher.BUFFER; change++) {
            pods.put(pod("web-1", "web"));
        }
        sink.release();

        await().until(() -> sink.completed);
        List<JsonNode> lines = sink.lines();
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.at("/type").asString()).isEqualTo("ERROR");
        assertThat(last.at("/object/code").asInt()).isEqualTo(410);
        assertThat(last.at("/object/reason").asString()).isEqualTo("Expired");
        assertThat(lines).hasSizeLessThan(Watcher.BUFFER);
    }

    @Test
    void bookmarksNameTheVersionReachedEvenWhenNothingSelectedChanged() {
        Watcher watcher = watcher("app=api", options(Map.of("allowWatchBookmarks", "true")), System.nanoTime() + NEVER);
        start(watcher, pods.changes().subscribe(null, watcher));
        pods.put(pod("web-1", "web"));

        await().untilAsserted(() -> assertThat(sink.events()).contains("BOOKMARK 2"));
        assertThat(sink.events()).allMatch(event -> event.startsWith("BOOKMARK"));
    }

    @Test
    void theFeedEndingEndsTheWatchWithExpired() {
        Watcher watcher = watcher("", options(Map.of()), System.nanoTime() + NEVER);
        start(watcher, pods.changes().subscribe(null, watcher));

        watcher.ended();

        await().until(() -> sink.completed);
        assertThat(sink.events()).containsExactly("ERROR 410");
    }

    @Test
    void theWatchEndsAtItsDeadline() {
        pods.put(pod("web-1", "web"));
        Watcher watcher = watcher("", options(Map.of()), System.nanoTime());

        watcher.run(pods.changes().subscribe(null, watcher), sink);

        assertThat(sink.completed).isTrue();
        assertThat(sink.events()).containsExactly("ADDED web-1");
    }

    @Test
    void aClientThatGoesAwayEndsTheWatch() {
        pods.put(pod("web-1", "web"));
        Watcher watcher = watcher("", options(Map.of()), System.nanoTime() + NEVER);
        sink.failSends();

        watcher.run(pods.changes().subscribe(null, watcher), sink);

        assertThat(sink.completed).isTrue();
    }

    private void start(Watcher watcher, Subscription subscription) {
        writer = new Thread(() -> watcher.run(subscription, sink), "test-watcher");
        writer.start();
    }

    private static Watcher watcher(String labelSelector, WatchOptions options, long deadline) {
        return new Watcher(
                new WatchFilter("shop", ListOptions.parse(Map.of("labelSelector", labelSelector))),
                new WatchEvents(QueryApiFixture.PODS, JsonMapper.shared(), new EventLines(), null),
                options,
                Duration.ofMillis(20),
                deadline,
                "v1/pods");
    }

    private static WatchOptions options(Map<String, String> parameters) {
        return WatchOptions.parse(parameters);
    }

    private static GenericKubernetesResource pod(String name, String app) {
        return QueryApiFixture.pod("shop", name, Map.of("app", app), "Running", "node-1");
    }

    /** Records what a watch writes, line by line; can stall, as a client that stops reading, or fail. */
    private static final class RecordingSink implements WatchSink {

        private final StringBuffer written = new StringBuffer();
        private final CountDownLatch stalled = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean stallFirst;
        private volatile boolean fail;
        private volatile boolean completed;

        void stallFirstSend() {
            stallFirst = true;
        }

        boolean stalled() {
            return stalled.getCount() == 0;
        }

        void release() {
            released.countDown();
        }

        void failSends() {
            fail = true;
        }

        @Override
        public void send(List<byte[]> parts) throws IOException {
            if (fail) {
                throw new IOException("client gone");
            }
            if (stallFirst) {
                stallFirst = false;
                stalled.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            parts.forEach(part -> written.append(new String(part, StandardCharsets.UTF_8)));
        }

        @Override
        public void complete() {
            completed = true;
        }

        List<JsonNode> lines() {
            return written.toString().lines().map(JsonMapper.shared()::readTree).toList();
        }

        /** Each event as "TYPE name", "BOOKMARK version [end]" or "ERROR code". */
        List<String> events() {
            return new CopyOnWriteArrayList<>(lines().stream()
                    .map(line -> {
                        String type = line.at("/type").asString();
                        return switch (type) {
                            case "BOOKMARK" ->
                                type + " "
                                        + line.at("/object/metadata/resourceVersion")
                                                .asString()
                                        + (line.at("/object/metadata/annotations")
                                                        .isMissingNode()
                                                ? ""
                                                : " end");
                            case "ERROR" -> type + " " + line.at("/object/code").asInt();
                            default ->
                                type + " " + line.at("/object/metadata/name").asString();
                        };
                    })
                    .toList());
        }
    }
}
