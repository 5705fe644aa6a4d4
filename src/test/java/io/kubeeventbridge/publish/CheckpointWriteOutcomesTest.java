package io.kubeeventbridge.publish;

import static io.kubeeventbridge.publish.OutgoingEvents.PODS;
import static io.kubeeventbridge.publish.OutgoingEvents.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class CheckpointWriteOutcomesTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final CheckpointKey WEB = new CheckpointKey(CheckpointScope.of(TOPIC, PODS), "shop/web");
    private static final TimeoutException EXPIRED =
            new TimeoutException("Expiring 1 record(s) for kube-event-bridge.prod.checkpoints-0");

    private final MutableClock clock = new MutableClock(START);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CheckpointWriteOutcomes outcomes = writingOutcomes();

    @Test
    void anOutageIsLoggedWhenItStartsThenSummarisedOncePerIntervalAndWhenItEnds(CapturedOutput output) {
        outcomes.written();
        outcomes.failed(WEB, EXPIRED);
        for (int failure = 0; failure < 100; failure++) {
            clock.advance(Duration.ofMillis(500));
            outcomes.failed(WEB, EXPIRED);
        }
        assertThat(lines(output))
                .as("one line for the first failure, none for those within the interval")
                .singleElement()
                .asString()
                .contains(
                        "WARN",
                        "Could not write the checkpoint of v1/pods shop/web to kube-event-bridge.prod.checkpoints"
                                + " (TimeoutException: Expiring 1 record(s)",
                        "bridge.checkpoints.failed");

        clock.advance(CheckpointWriteOutcomes.SUMMARY_INTERVAL);
        outcomes.failed(WEB, EXPIRED);
        outcomes.failed(WEB, EXPIRED);
        clock.advance(Duration.ofSeconds(10));
        outcomes.written();
        outcomes.written();

        assertThat(lines(output)).hasSize(3);
        assertThat(lines(output).get(1))
                .contains(
                        "WARN",
                        "Could not write 101 more checkpoints to kube-event-bridge.prod.checkpoints in the last PT1M50S,"
                                + " failing since 2026-12-01T10:00:00Z; last error: TimeoutException");
        assertThat(lines(output).get(2))
                .contains(
                        "INFO",
                        "Checkpoints are written to kube-event-bridge.prod.checkpoints again after PT2M of failures;"
                                + " 103 writes failed meanwhile");
        assertThat(meters.get(CheckpointWriteOutcomes.FAILED)
                        .tag("resource", "v1/pods")
                        .counter()
                        .count())
                .isEqualTo(103);
    }

    @Test
    void healthLearnsSinceWhenWritesFailUntilOneIsWrittenAgain() {
        assertThat(outcomes.failingSince()).isNull();

        outcomes.failed(WEB, new KafkaException("Send failed", EXPIRED));
        clock.advance(Duration.ofSeconds(5));
        outcomes.failed(WEB, EXPIRED);

        assertThat(outcomes.failingSince()).isEqualTo(START);
        assertThat(outcomes.lastError())
                .as("the producer's failure, not the template's wrapper around it")
                .isEqualTo("TimeoutException: Expiring 1 record(s) for kube-event-bridge.prod.checkpoints-0");
        outcomes.written();
        assertThat(outcomes.failingSince()).isNull();
    }

    @Test
    void aWriteThatFailsOnceTheTermEndedIsCountedButIsNoOutage(CapturedOutput output) {
        outcomes.failed(WEB, EXPIRED);

        outcomes.ended();
        outcomes.failed(WEB, EXPIRED);

        assertThat(outcomes.failingSince())
                .as("a replica that writes nothing has nothing to mend: health must not stay DOWN for it")
                .isNull();
        assertThat(lines(output).get(1))
                .contains("INFO", "Stopped writing checkpoints to kube-event-bridge.prod.checkpoints", "1 failed");
        assertThat(lines(output)).hasSize(2);
        assertThat(meters.get(CheckpointWriteOutcomes.FAILED).counter().count()).isEqualTo(2);
    }

    private CheckpointWriteOutcomes writingOutcomes() {
        CheckpointWriteOutcomes writing =
                new CheckpointWriteOutcomes("kube-event-bridge.prod.checkpoints", meters, clock);
        writing.began();
        return writing;
    }

    private static List<String> lines(CapturedOutput output) {
        return output.getOut()
                .lines()
                .filter(line -> line.contains("CheckpointWriteOutcomes"))
                .toList();
    }
}
