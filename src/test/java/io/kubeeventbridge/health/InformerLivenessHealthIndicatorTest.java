package io.kubeeventbridge.health;

import static io.kubeeventbridge.health.WatchedEntryHealthIndicatorTest.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.InformerError;
import io.kubeeventbridge.informer.InformerError.Reason;
import io.kubeeventbridge.informer.InformerStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class InformerLivenessHealthIndicatorTest {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);

    @Test
    void upWhileInformersSyncFailOrReconnect() {
        Health health = health(
                status(PODS, "shop", false, true, false, 0, new InformerError(Reason.FORBIDDEN, 403, "cannot list")),
                status(PODS, "payments", true, true, false, 2, new InformerError(Reason.FAILED, 0, "reset")));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downNamingEveryInformerThatStoppedForGood() {
        Health health = health(
                status(PODS, "shop", true, false, true, 3, null),
                status(PODS, "payments", true, true, false, 2, null),
                status(PODS, "audit", true, false, true, 0, null));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).isEqualTo(Map.of("stopped", List.of("v1/pods in audit", "v1/pods in shop")));
    }

    private static Health health(InformerStatus... statuses) {
        return new InformerLivenessHealthIndicator(() -> List.of(statuses)).health();
    }
}
