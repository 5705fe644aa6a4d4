package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelIndexTest {

    private final LabelIndex index = new LabelIndex();

    @Test
    void findsEveryObjectWithALabel() {
        add("shop/web-1", Map.of("app", "web", "tier", "front"));
        add("shop/web-2", Map.of("app", "web"));
        add("shop/api-1", Map.of("app", "api"));

        assertThat(index.keys("app", "web")).containsExactlyInAnyOrder("shop/web-1", "shop/web-2");
        assertThat(index.keys("tier", "front")).containsExactly("shop/web-1");
        assertThat(index.keys("app", "db")).isEmpty();
        assertThat(index.keys("owner", "web")).isEmpty();
    }

    @Test
    void aChangedLabelMovesTheObjectAndItsOtherLabelsStay() {
        add("shop/web-1", Map.of("app", "web", "tier", "front"));
        add("shop/web-2", Map.of("app", "web"));

        index.update("shop/web-1", Map.of("app", "web", "tier", "front"), Map.of("app", "api", "tier", "front"));

        assertThat(index.keys("app", "web")).containsExactly("shop/web-2");
        assertThat(index.keys("app", "api")).containsExactly("shop/web-1");
        assertThat(index.keys("tier", "front")).containsExactly("shop/web-1");
    }

    @Test
    void aRemovedObjectLeavesOnlyTheOthers() {
        add("shop/web-1", Map.of("app", "web", "tier", "front"));
        add("shop/web-2", Map.of("app", "web"));

        remove("shop/web-1", Map.of("app", "web", "tier", "front"));

        assertThat(index.keys("app", "web")).containsExactly("shop/web-2");
        assertThat(index.keys("tier", "front")).isEmpty();
    }

    @Test
    void objectsComeAndGoUnderALabelManyCarryUntilNoneIsLeft() {
        for (int i = 1; i <= 3; i++) {
            add("shop/web-" + i, Map.of("app", "web"));
        }
        remove("shop/web-2", Map.of("app", "web"));
        remove("shop/web-1", Map.of("app", "web"));
        add("shop/web-4", Map.of("app", "web"));
        assertThat(index.keys("app", "web")).containsExactlyInAnyOrder("shop/web-3", "shop/web-4");

        remove("shop/web-3", Map.of("app", "web"));
        remove("shop/web-4", Map.of("app", "web"));

        assertThat(index.keys("app", "web")).isEmpty();
    }

    @Test
    void removingALabelTheObjectIsNotIndexedUnderChangesNothing() {
        add("shop/web-1", Map.of("pod-template-hash", "5d8f"));

        remove("shop/web-2", Map.of("pod-template-hash", "5d8f"));
        remove("shop/web-1", Map.of("pod-template-hash", "77aa"));

        assertThat(index.keys("pod-template-hash", "5d8f")).containsExactly("shop/web-1");
    }

    @Test
    void aLabelComesBackAfterItsLastObjectLeft() {
        add("shop/web-1", Map.of("pod-template-hash", "5d8f"));
        remove("shop/web-1", Map.of("pod-template-hash", "5d8f"));

        add("shop/web-2", Map.of("pod-template-hash", "5d8f"));

        assertThat(index.keys("pod-template-hash", "5d8f")).containsExactly("shop/web-2");
    }

    private void add(String key, Map<String, String> labels) {
        index.update(key, Map.of(), labels);
    }

    private void remove(String key, Map<String, String> labels) {
        index.update(key, labels, Map.of());
    }
}
