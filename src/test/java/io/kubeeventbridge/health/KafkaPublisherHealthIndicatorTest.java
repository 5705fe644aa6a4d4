package io.kubeeventbridge.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.publish.CheckpointWriteState;
import io.kubeeventbridge.publish.PublisherState;
import io.kubeeventbridge.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class KafkaPublisherHealthIndicatorTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration UNHEALTHY_AFTER = Duration.ofMinutes(1);
    private static final Publisher SENDING = new Publisher(3, null, null);
    private static final Checkpoints WRITING = new Checkpoints(null, null);

    private final MutableClock clock = new MutableClock(START);

    @Test
    void upWithTheQueueWhileKafkaTakesEventsAndCheckpoints() {
        Health health = health(SENDING, WRITING);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).isEqualTo(Map.of("queuedEvents", 3));
    }

    @Test
    void failingSendsTurnItDownOnlyOnceTheyHaveFailedForLongerThanAllowed() {
        Publisher failing = new Publisher(7, START, "TimeoutException: expired");

        assertThat(health(failing, WRITING).getStatus()).isEqualTo(Status.UP);
        clock.advance(UNHEALTHY_AFTER.plusSeconds(1));
        Health health = health(failing, WRITING);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails())
                .isEqualTo(Map.of(
                        "queuedEvents", 7,
                        "failingSince", "2026-12-01T10:00:00Z",
                        "lastError", "TimeoutException: expired"));
    }

    @Test
    void failingCheckpointWritesShowAtOnceAndTurnItDownOnceTheyHaveFailedForLongerThanAllowed() {
        Checkpoints failing = new Checkpoints(START, "TopicAuthorizationException: not authorized");

        Health early = health(SENDING, failing);
        clock.advance(UNHEALTHY_AFTER.plusSeconds(1));
        Health late = health(SENDING, failing);

        assertThat(early.getStatus())
                .as("a blip, such as a leader election on the broker, is not worth DOWN")
                .isEqualTo(Status.UP);
        assertThat(early.getDetails())
                .isEqualTo(Map.of(
                        "queuedEvents", 3,
                        "checkpointsFailingSince", "2026-12-01T10:00:00Z",
                        "checkpointsLastError", "TopicAuthorizationException: not authorized"));
        assertThat(late.getStatus()).isEqualTo(Status.DOWN);
    }

    private Health health(PublisherState publisher, CheckpointWriteState checkpoints) {
        return new KafkaPublisherHealthIndicator(publisher, checkpoints, UNHEALTHY_AFTER, clock).health();
    }

    private record Publisher(int queuedEvents, Instant failingSince, String lastError) implements PublisherState {}

    private record Checkpoints(Instant failingSince, String lastError) implements CheckpointWriteState {}
}
