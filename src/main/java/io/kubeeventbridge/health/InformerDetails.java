package io.kubeeventbridge.health;

import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.InformerError;
import io.kubeeventbridge.informer.InformerStatus;
import io.kubeeventbridge.informer.InformerStatusSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of the informers of one watched type: UP once they have synced and are running, OUT_OF_SERVICE before
 * that and while the bridge stops them, DOWN once one has stopped for good; with their sync state, object count and
 * last errors as details.
 */
final class InformerDetails {

    private InformerDetails() {}

    static void report(ResourceType type, InformerStatusSource informers, Health.Builder builder) {
        List<InformerStatus> statuses = informers.statuses().stream()
                .filter(status -> status.target().type().equals(type))
                .toList();
        boolean synced = statuses.stream().allMatch(InformerStatus::synced);
        // A type marked watched has its informers started a moment later.
        boolean running = !statuses.isEmpty() && statuses.stream().allMatch(InformerStatus::running);
        builder.withDetail("synced", synced)
                .withDetail("running", running)
                .withDetail(
                        "objects",
                        statuses.stream().mapToInt(InformerStatus::objects).sum());
        Map<String, Object> errors = new LinkedHashMap<>();
        statuses.stream()
                .filter(status -> status.lastError() != null)
                .forEach(status -> errors.put(status.target().describe(), describe(status.lastError())));
        if (!errors.isEmpty()) {
            builder.withDetail("errors", errors);
        }
        if (statuses.stream().anyMatch(InformerStatus::stoppedForGood)) {
            builder.down();
        } else if (synced && running) {
            builder.up();
        } else {
            builder.outOfService();
        }
    }

    private static Map<String, Object> describe(InformerError error) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", error.reason().name().toLowerCase(Locale.ROOT));
        if (error.code() != 0) {
            detail.put("code", error.code());
        }
        detail.put("message", error.message());
        return detail;
    }
}
