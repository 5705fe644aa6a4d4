package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.informer.CachedObject;
import io.kubeeventbridge.informer.FixedResourceCache;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WatchEventsTest {

    private final CachedObject pod = new FixedResourceCache(QueryApiFixture.PODS)
            .put(QueryApiFixture.pod("shop", "web-1", Map.of("app", "web"), "Running", "node-1"))
            .get("shop", "web-1")
            .orElseThrow();

    @Test
    void anEventCarriesTheObjectExactlyAsListAndGetReturnIt() {
        WatchEvents events = new WatchEvents(QueryApiFixture.PODS, JsonMapper.shared(), new EventLines(), null);

        String line = text(events.event(WatchFilter.MODIFIED, pod));

        assertThat(line)
                .isEqualTo(
                        "{\"type\":\"MODIFIED\",\"object\":" + new String(pod.json(), StandardCharsets.UTF_8) + "}\n");
    }

    @Test
    void theWatchersOfAResourceShareTheLineOfAChange() {
        EventLines lines = new EventLines();
        WatchEvents one = new WatchEvents(QueryApiFixture.PODS, JsonMapper.shared(), lines, null);
        WatchEvents other = new WatchEvents(QueryApiFixture.PODS, JsonMapper.shared(), lines, null);

        byte[] line = one.event(WatchFilter.MODIFIED, pod);

        assertThat(other.event(WatchFilter.MODIFIED, pod)).isSameAs(line);
        assertThat(text(other.event(WatchFilter.DELETED, pod))).startsWith("{\"type\":\"DELETED\"");
    }

    @Test
    void aBookmarkNamesTheVersionReachedAndMayEndTheInitialEvents() {
        WatchEvents events = new WatchEvents(QueryApiFixture.PODS, JsonMapper.shared(), new EventLines(), null);

        assertThat(new String(events.bookmark("42", false), StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\","
                        + "\"metadata\":{\"resourceVersion\":\"42\"}}}\n");
        assertThat(json(events.bookmark("42", true))
                        .at("/object/metadata/annotations/k8s.io~1initial-events-end")
                        .asString())
                .isEqualTo("true");
    }

    @Test
    void tableEventsCarryOneRowAndTheColumnsOnlyOnce() {
        WatchEvents events =
                new WatchEvents(QueryApiFixture.PODS, JsonMapper.shared(), new EventLines(), QueryApiFixture.TABLES);

        JsonNode first = json(events.event(WatchFilter.ADDED, pod));
        JsonNode second = json(events.event(WatchFilter.DELETED, pod));

        assertThat(first.at("/type").asString()).isEqualTo("ADDED");
        assertThat(first.at("/object/kind").asString()).isEqualTo("Table");
        assertThat(first.at("/object/columnDefinitions")).hasSize(3);
        assertThat(first.at("/object/rows/0/cells/0").asString()).isEqualTo("web-1");
        assertThat(second.at("/type").asString()).isEqualTo("DELETED");
        assertThat(second.at("/object/columnDefinitions")).isEmpty();
        assertThat(second.at("/object/rows")).hasSize(1);
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    private static JsonNode json(byte[] line) {
        return JsonMapper.shared().readTree(line);
    }
}
