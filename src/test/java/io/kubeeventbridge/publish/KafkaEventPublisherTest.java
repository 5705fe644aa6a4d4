package io.kubeeventbridge.publish;

import static io.kubeeventbridge.event.Operation.CREATED;
import static io.kubeeventbridge.event.Operation.DELETED;
import static io.kubeeventbridge.event.Operation.SNAPSHOT;
import static io.kubeeventbridge.event.Operation.UPDATED;
import static io.kubeeventbridge.publish.OutgoingEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.kubeeventbridge.config.KafkaSettings.ContentMode;
import io.kubeeventbridge.event.EventExtensions;
import io.kubeeventbridge.event.EventVariants;
import io.kubeeventbridge.metrics.EventMetrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** The publisher against a producer that fails while Kafka is "down" and acknowledges once it is back. */
class KafkaEventPublisherTest {

    /** Record values from this size on are refused, as the producer refuses those over max.request.size. */
    private static final int TOO_LARGE = 10_000;
    // Long enough for the first sends of a JVM on a loaded machine (the first send loads the fingerprint's hash), short
    // enough for the test that waits it out.
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(3);

    private final AtomicBoolean kafkaDown = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();
    // When set, sends stay unanswered here until the test completes them.
    private final AtomicReference<List<CompletableFuture<SendResult<byte[], byte[]>>>> heldSends =
            new AtomicReference<>();
    private final List<ProducerRecord<byte[], byte[]>> acknowledged = new CopyOnWriteArrayList<>();
    private final PendingEvents queue = new PendingEvents(replaced -> {});
    private final KafkaTemplate<byte[], byte[]> kafka = scriptedKafka();
    // Without a checkpoint topic to read, and writing only when told: it collects the checkpoints of acknowledged
    // events here.
    private final CheckpointStore checkpoints = new CheckpointStore(
            "checkpoints",
            null,
            null,
            kafka,
            Duration.ofHours(1),
            new CheckpointWriteOutcomes("checkpoints", new SimpleMeterRegistry(), Clock.systemUTC()));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final KafkaEventPublisher publisher = publisher(Clock.systemUTC());

    @AfterEach
    void stop() {
        publisher.end();
    }

    private KafkaEventPublisher publisher(Clock clock) {
        return new KafkaEventPublisher(
                kafka,
                null,
                new RecordFactory(ContentMode.BINARY),
                queue,
                checkpoints,
                new PublishSettings(true, DRAIN_TIMEOUT, Duration.ofMillis(100)),
                new EventMetrics(meters),
                clock);
    }

    @Test
    void outageLosesNothingAndKeepsEachObjectInOrder() {
        publisher.begin(() -> {});
        kafkaDown.set(true);
        publisher.publish(event("shop/a", CREATED, 1));
        for (int version = 2; version <= 500; version++) {
            publisher.publish(event("shop/a", UPDATED, version));
        }
        publisher.publish(event("shop/b", UPDATED, 7));
        publisher.publish(event("shop/b", DELETED, 7));
        await().atMost(Duration.ofSeconds(10)).until(() -> publisher.state().failingSince() != null);
        assertThat(queue.size()).as("bounded by the objects, not the changes").isLessThanOrEqualTo(2);

        kafkaDown.set(false);

        await().atMost(Duration.ofSeconds(30)).until(() -> queue.size() == 0);
        assertThat(sent("shop/a")).containsExactly("created uid-shop/a/500");
        assertThat(sent("shop/b")).containsExactly("deleted uid-shop/b/7/deleted", "tombstone");
        assertThat(publisher.state().failingSince()).isNull();
        assertThat(checkpoints.unwrittenCount())
                .as("one checkpoint per object acknowledged")
                .isEqualTo(2);
    }

    @Test
    void eventsTakenTogetherGoBackToTheQueueOnceASendFailsSoNewerStatesStillReplaceThem() {
        // Its pause never ends on its own: only a success would end it.
        KafkaEventPublisher pausing = publisher(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
        kafkaDown.set(true);
        List.of("shop/a", "shop/b", "shop/c").forEach(key -> queue.add(event(key, CREATED, 1)));
        try {
            pausing.begin(() -> {});
            await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() > 0);

            pausing.publish(event("shop/b", UPDATED, 2));

            await().during(Duration.ofMillis(300))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> attempts.get() == 1 && queue.size() == 3);
        } finally {
            pausing.end();
        }
    }

    @Test
    void aStateRecordedUnpublishedIsCheckpointedAndNeverSent() {
        publisher.begin(() -> {});

        publisher.recordUnpublished(event("shop/a", SNAPSHOT, 1));
        publisher.finish();

        assertThat(acknowledged).extracting(ProducerRecord::topic).containsExactly("checkpoints");
    }

    @Test
    void shutdownDrainsTheQueueForABoundedTime() {
        publisher.begin(() -> {});
        kafkaDown.set(true);
        publisher.publish(event("shop/a", CREATED, 1));

        publisher.finish();

        assertThat(queue.size())
                .as("Kafka never came back within the drain timeout")
                .isEqualTo(1);
        assertThat(acknowledged).isEmpty();
    }

    @Test
    void shutdownWaitsForQueuedEventsToBeAcknowledged() {
        publisher.begin(() -> {});
        publisher.publish(event("shop/a", CREATED, 1));
        publisher.publish(event("shop/b", CREATED, 2));

        publisher.finish();

        assertThat(acknowledged)
                .extracting(ProducerRecord::topic)
                .as("both events, then their checkpoints written as the term finished")
                .containsExactly(OutgoingEvents.TOPIC, OutgoingEvents.TOPIC, "checkpoints", "checkpoints");
    }

    @Test
    void objectTooLargeForKafkaIsPublishedAsAReference() {
        publisher.begin(() -> {});
        OutgoingEvent oversized = new OutgoingEvent(
                OutgoingEvents.TOPIC,
                "shop/huge",
                CloudEventBuilder.v1(event("shop/huge", UPDATED, 9).event())
                        .withData(
                                "application/json",
                                ("{\"blob\":\"" + "x".repeat(TOO_LARGE) + "\"}").getBytes(StandardCharsets.UTF_8))
                        .withExtension(EventExtensions.API_VERSION, "v1")
                        .withExtension(EventExtensions.KIND, "Pod")
                        .withExtension(EventExtensions.NAME, "huge")
                        .withExtension(EventExtensions.NAMESPACE, "shop")
                        .withExtension(EventExtensions.UID, "uid-huge")
                        .withExtension(EventExtensions.RESOURCE_VERSION, "9")
                        .build(),
                OutgoingEvents.PODS,
                UPDATED,
                OptionalLong::empty);

        publisher.publish(oversized);

        await().atMost(Duration.ofSeconds(10)).until(() -> !acknowledged.isEmpty());
        ProducerRecord<byte[], byte[]> reference = acknowledged.get(0);
        assertThat(new String(reference.headers().lastHeader("ce_truncated").value(), StandardCharsets.UTF_8))
                .isEqualTo("true");
        assertThat(reference.value())
                .as("the event package's reference to the object")
                .isEqualTo(EventVariants.truncated(oversized.event()).getData().toBytes());
        assertThat(publisher.state().failingSince())
                .as("an oversized object is not a Kafka outage")
                .isNull();
    }

    @Test
    void aReplicaThatStopsPublishingDuringAnOutageReportsNoOutageAsAStandby() {
        publisher.begin(() -> {});
        kafkaDown.set(true);
        publisher.publish(event("shop/a", CREATED, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> publisher.state().failingSince() != null);

        publisher.end();

        assertThat(publisher.state().failingSince()).isNull();
    }

    @Test
    void aSendThatFailsAfterItsTermEndedReportsNoOutage() {
        publisher.begin(() -> {});
        heldSends.set(new ArrayList<>());
        publisher.publish(event("shop/a", CREATED, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> heldSends.get().size() == 1);

        publisher.end();
        heldSends.get().get(0).completeExceptionally(new TimeoutException("broker unreachable"));

        assertThat(publisher.state().failingSince()).isNull();
    }

    @Test
    void anEventAcknowledgedAfterItsTermEndedRecordsNoCheckpoint() {
        publisher.begin(() -> {});
        heldSends.set(new ArrayList<>());
        publisher.publish(event("shop/a", CREATED, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> heldSends.get().size() == 1);
        publisher.end();
        publisher.begin(() -> {});

        ProducerRecord<byte[], byte[]> late = new ProducerRecord<>("k8s.core.pod", new byte[0]);
        heldSends.get().get(0).complete(new SendResult<>(late, null));

        assertThat(checkpoints.unwrittenCount()).isZero();
    }

    @Test
    void anAcknowledgedEventIsTimedFromWhenItWasMade() {
        publisher.begin(() -> {});
        OutgoingEvent event = event("shop/a", CREATED, 1);
        long fiveSecondsAgo = System.nanoTime() - Duration.ofSeconds(5).toNanos();

        publisher.publish(new OutgoingEvent(
                event.topic(),
                event.key(),
                event.event(),
                event.type(),
                event.operation(),
                event.fingerprint(),
                fiveSecondsAgo));

        await().atMost(Duration.ofSeconds(10)).until(() -> queue.size() == 0);
        Timer latency = meters.get("bridge.events.latency").timer();
        assertThat(latency.count()).isOne();
        assertThat(latency.totalTime(TimeUnit.SECONDS)).isBetween(5.0, 60.0);
    }

    @Test
    void publishesAgainAfterAStopAndStart() {
        publisher.begin(() -> {});
        publisher.finish();

        publisher.begin(() -> {});
        publisher.publish(event("shop/a", CREATED, 1));

        await().atMost(Duration.ofSeconds(10)).until(() -> sent("shop/a").size() == 1);
    }

    private List<String> sent(String key) {
        return acknowledged.stream()
                .filter(record -> new String(record.key(), StandardCharsets.UTF_8).equals(key))
                .map(record -> record.value() == null
                        ? "tombstone"
                        : new String(record.headers().lastHeader("ce_type").value()).replace("io.k8s.core.pod.", "")
                                + " "
                                + new String(
                                        record.headers().lastHeader("ce_id").value()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private KafkaTemplate<byte[], byte[]> scriptedKafka() {
        KafkaTemplate<byte[], byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(invocation -> {
            ProducerRecord<byte[], byte[]> record = invocation.getArgument(0);
            attempts.incrementAndGet();
            List<CompletableFuture<SendResult<byte[], byte[]>>> held = heldSends.get();
            if (held != null) {
                CompletableFuture<SendResult<byte[], byte[]>> send = new CompletableFuture<>();
                held.add(send);
                return send;
            }
            if (kafkaDown.get()) {
                return CompletableFuture.failedFuture(new TimeoutException("broker unreachable"));
            }
            if (record.value() != null && record.value().length >= TOO_LARGE) {
                return CompletableFuture.failedFuture(new RecordTooLargeException("the record is too large"));
            }
            acknowledged.add(record);
            return CompletableFuture.completedFuture(new SendResult<>(record, null));
        });
        return kafka;
    }
}
