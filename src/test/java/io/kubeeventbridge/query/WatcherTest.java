package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.informer.FixedResourceCache;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WatcherTest {

    private final FixedResourceCache pods = new FixedResourceCache(QueryApiFixture.PODS);
    private final Writer writer = new Writer();

    @Test
    void writesTheCurrentStateThenEachChangeUntilStopped() {
        pods.put(pod("web-1", "web"));
        pods.put(pod("web-2", "web"));
        Watcher watcher = start(watcher("", Map.of()));
        pods.put(pod("web-1", "web"));

        assertThat(writer.events()).containsExactly("ADDED web-1", "ADDED web-2", "MODIFIED web-1");
        watcher.end(Watcher.End.STOPPED);
        writer.drain();
        assertThat(watcher.finished()).isTrue();
        assertThat(writer.events()).containsExactly("ADDED web-1", "ADDED web-2", "MODIFIED web-1");
    }

    @Test
    void aWatchListEndsItsInitialEventsWithABookmarkAtTheVersionTheyShow() {
        pods.put(pod("web-1", "web"));
        Map<String, String> watchList = Map.of(
                "sendInitialEvents", "true", "resourceVersionMatch", "NotOlderThan", "allowWatchBookmarks", "true");

        start(watcher("", watchList));

        assertThat(writer.events()).containsExactly("ADDED web-1", "BOOKMARK 2 end");
    }

    @Test
    void aWatcherThatCannotKeepUpIsEndedWithExpiredWhileChangesGoOn() {
        pods.put(pod("web-1", "web"));
        writer.stall();
        Watcher watcher = start(watcher("", Map.of()));

        // Recorded on this thread, as an informer's handler records them: none of them waits for the watcher.
        for (int change = 0; change <= Watcher.BUFFER; change++) {
            pods.put(pod("web-1", "web"));
        }
        writer.resume();

        List<JsonNode> lines = writer.lines();
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.at("/type").asString()).isEqualTo("ERROR");
        assertThat(last.at("/object/code").asInt()).isEqualTo(410);
        assertThat(last.at("/object/reason").asString()).isEqualTo("Expired");
        assertThat(lines).hasSizeLessThan(Watcher.BUFFER);
        assertThat(watcher.finished()).isTrue();
    }

    @Test
    void bookmarksNameTheVersionReachedEvenWhenNothingSelectedChanged() {
        Watcher watcher = start(watcher("app=api", Map.of("allowWatchBookmarks", "true")));
        pods.put(pod("web-1", "web"));

        watcher.bookmarkDue();

        assertThat(writer.events()).containsExactly("BOOKMARK 2");
    }

    @Test
    void aBookmarkWaitsForTheChangesBufferedBeforeIt() {
        Watcher watcher = start(watcher("", Map.of("allowWatchBookmarks", "true")));
        writer.stall();
        pods.put(pod("web-1", "web"));
        watcher.bookmarkDue();

        writer.resume();

        assertThat(writer.events()).containsExactly("ADDED web-1", "BOOKMARK 2");
    }

    @Test
    void theFeedEndingEndsTheWatchWithExpired() {
        Watcher watcher = start(watcher("", Map.of()));

        watcher.ended();

        assertThat(writer.events()).containsExactly("ERROR 410");
        assertThat(watcher.finished()).isTrue();
    }

    @Test
    void aWatchWhoseTimeIsUpStillWritesWhatPrecededItThenEndsWithoutAnError() {
        pods.put(pod("web-1", "web"));
        writer.stall();
        Watcher watcher = start(watcher("", Map.of()));
        pods.put(pod("web-2", "web"));

        watcher.end(Watcher.End.TIMED_OUT);
        writer.resume();

        assertThat(writer.events()).containsExactly("ADDED web-1");
        assertThat(watcher.finished()).isTrue();
    }

    @Test
    void aClientThatGoesAwayIsWrittenNothingMore() {
        writer.stall();
        Watcher watcher = start(watcher("", Map.of()));
        pods.put(pod("web-1", "web"));

        watcher.end(Watcher.End.STOPPED);
        writer.resume();

        assertThat(writer.events()).isEmpty();
        assertThat(watcher.finished()).isTrue();
    }

    /** Subscribes {@code watcher} to the current state and changes, and writes what it has, as its response would. */
    private Watcher start(Watcher watcher) {
        writer.watcher = watcher;
        watcher.start(pods.changes().subscribe(null, watcher), writer::drain);
        writer.drain();
        return watcher;
    }

    private static Watcher watcher(String labelSelector, Map<String, String> parameters) {
        return new Watcher(
                new WatchFilter("shop", ListOptions.parse(Map.of("labelSelector", labelSelector))),
                new WatchEvents(QueryApiFixture.PODS, JsonMapper.shared(), new EventLines(), null),
                options(parameters),
                "v1/pods");
    }

    private static WatchOptions options(Map<String, String> parameters) {
        return WatchOptions.parse(parameters);
    }

    private static GenericKubernetesResource pod(String name, String app) {
        return QueryApiFixture.pod("shop", name, Map.of("app", app), "Running", "node-1");
    }

    /** Takes a watcher's lines whenever it is woken, as its response does; can stall, as a client that stops reading. */
    private static final class Writer {

        private final StringBuilder written = new StringBuilder();
        private Watcher watcher;
        private boolean stalled;

        void stall() {
            stalled = true;
        }

        void resume() {
            stalled = false;
            drain();
        }

        void drain() {
            if (stalled) {
                return;
            }
            for (byte[] line; (line = watcher.next()) != null; ) {
                written.append(new String(line, StandardCharsets.UTF_8));
            }
        }

        List<JsonNode> lines() {
            return written.toString().lines().map(JsonMapper.shared()::readTree).toList();
        }

        /** Each event as "TYPE name", "BOOKMARK version [end]" or "ERROR code". */
        List<String> events() {
            List<String> events = new ArrayList<>();
            for (JsonNode line : lines()) {
                String type = line.at("/type").asString();
                events.add(
                        switch (type) {
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
                        });
            }
            return events;
        }
    }
}
