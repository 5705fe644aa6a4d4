package io.kubeeventbridge.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.InformerError;
import io.kubeeventbridge.informer.InformerError.Reason;
import io.kubeeventbridge.informer.InformerStatus;
import io.kubeeventbridge.informer.InformerTarget;
import io.kubeeventbridge.informer.WatchedEntry;
import io.kubeeventbridge.informer.WatchedEntry.State;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class WatchedEntryHealthIndicatorTest {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);
    private static final ResourceType WIDGETS = new ResourceType("example.com", "v1", "widgets", "Widget", true);
    private static final ResourceProperties PODS_ENTRY =
            new ResourceProperties("v1", "pods", null, List.of("shop", "payments"), null, null, null, null, null, null);
    private static final WatchedEntry WATCHED =
            new WatchedEntry("bridge.resources[0]", PODS_ENTRY, State.WATCHED, PODS, null);

    @Test
    void upOnceEveryInformerOfTheEntryHasSyncedAndRuns() {
        Health health = health(
                List.of(WATCHED),
                status(PODS, "shop", true, true, false, 3, null),
                status(PODS, "payments", true, true, false, 2, null),
                status(WIDGETS, null, false, true, false, 0, null));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsExactly(
                        Map.entry("resource", "v1/pods"),
                        Map.entry("state", "watched"),
                        Map.entry("synced", true),
                        Map.entry("running", true),
                        Map.entry("objects", 5));
    }

    @Test
    void outOfServiceUntilEveryInformerHasSyncedAndWhileNoneRuns() {
        assertThat(health(
                                List.of(WATCHED),
                                status(PODS, "shop", true, true, false, 3, null),
                                status(PODS, "payments", false, true, false, 0, null))
                        .getStatus())
                .isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health(List.of(WATCHED)).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health(List.of()).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void downOnceAnInformerHasStoppedForGood() {
        Health health = health(
                List.of(WATCHED),
                status(PODS, "shop", true, true, false, 3, null),
                status(PODS, "payments", true, false, true, 2, null));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("running", false);
    }

    @Test
    void errorsAreClassifiedPerInformer() {
        Health health = health(
                List.of(WATCHED),
                status(
                        PODS,
                        "shop",
                        false,
                        true,
                        false,
                        0,
                        new InformerError(Reason.FORBIDDEN, 403, "cannot list v1/pods in shop")),
                status(
                        PODS,
                        "payments",
                        true,
                        true,
                        false,
                        2,
                        new InformerError(Reason.FAILED, 0, "Connection refused")));

        assertThat(health.getDetails().get("errors"))
                .isEqualTo(Map.of(
                        "v1/pods in shop",
                        Map.of("reason", "forbidden", "code", 403, "message", "cannot list v1/pods in shop"),
                        "v1/pods in payments",
                        Map.of("reason", "failed", "message", "Connection refused")));
    }

    @Test
    void aMissingEntryIsUnknownSoItDoesNotHoldReadinessDown() {
        ResourceProperties widgets =
                new ResourceProperties("example.com/v1", null, "Widget", null, null, null, null, null, null, null);
        WatchedEntry missing = new WatchedEntry("bridge.resources[0]", widgets, State.MISSING, null, "not served");

        Health health = health(List.of(missing));

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails())
                .containsExactly(
                        Map.entry("resource", "example.com/v1, kind Widget"),
                        Map.entry("state", "missing"),
                        Map.entry("problem", "not served"));
    }

    private static Health health(List<WatchedEntry> entries, InformerStatus... statuses) {
        return new WatchedEntryHealthIndicator("bridge.resources[0]", () -> entries, () -> List.of(statuses)).health();
    }

    static InformerStatus status(
            ResourceType type,
            String namespace,
            boolean synced,
            boolean running,
            boolean stoppedForGood,
            int objects,
            InformerError error) {
        return new InformerStatus(
                new InformerTarget(type, namespace, null, null), synced, running, stoppedForGood, objects, error);
    }
}
