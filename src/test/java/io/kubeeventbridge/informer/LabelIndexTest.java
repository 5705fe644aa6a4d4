package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelIndexTest {

    private final LabelIndex index = new LabelIndex();

    @Test
    void findsEveryObjectWithALabel() {
        index.add("shop/web-1", Map.of("app", "web", "tier", "front"));
        index.add("shop/web-2", Map.of("app", "web"));
        index.add("shop/api-1", Map.of("app", "api"));

        assertThat(index.keys("app", "web")).containsExactlyInAnyOrder("shop/web-1", "shop/web-2");
        assertThat(index.keys("tier", "front")).containsExactly("shop/web-1");
        assertThat(index.keys("app", "db")).isEmpty();
        assertThat(index.keys("owner", "web")).isEmpty();
    }

    @Test
    void aRemovedObjectLeavesOnlyTheOthers() {
        index.add("shop/web-1", Map.of("app", "web", "tier", "front"));
        index.add("shop/web-2", Map.of("app", "web"));

        index.remove("shop/web-1", Map.of("app", "web", "tier", "front"));

        assertThat(index.keys("app", "web")).containsExactly("shop/web-2");
        assertThat(index.keys("tier", "front")).isEmpty();
    }

    @Test
    void objectsComeAndGoUnderALabelManyCarry() {
        for (int i = 1; i <= 3; i++) {
            index.add("shop/web-" + i, Map.of("app", "web"));
        }
        index.remove("shop/web-2", Map.of("app", "web"));
        index.remove("shop/web-1", Map.of("app", "web"));
        index.add("shop/web-4", Map.of("app", "web"));

        assertThat(index.keys("app", "web")).containsExactlyInAnyOrder("shop/web-3", "shop/web-4");
    }

    @Test
    void removingALabelTheObjectDidNotCarryChangesNothing() {
        index.add("shop/web-1", Map.of("pod-template-hash", "5d8f"));

        index.remove("shop/web-2", Map.of("pod-template-hash", "5d8f"));
        index.remove("shop/web-1", Map.of("pod-template-hash", "77aa"));

        assertThat(index.keys("pod-template-hash", "5d8f")).containsExactly("shop/web-1");
    }

    @Test
    void aLabelComesBackAfterItsLastObjectLeft() {
        index.add("shop/web-1", Map.of("pod-template-hash", "5d8f"));
        index.remove("shop/web-1", Map.of("pod-template-hash", "5d8f"));

        index.add("shop/web-2", Map.of("pod-template-hash", "5d8f"));

        assertThat(index.keys("pod-template-hash", "5d8f")).containsExactly("shop/web-2");
    }
}
