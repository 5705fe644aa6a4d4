package io.kubeeventbridge.publish;

import static io.kubeeventbridge.publish.OutgoingEvents.PODS;
import static io.kubeeventbridge.publish.OutgoingEvents.TOPIC;
import static io.kubeeventbridge.publish.OutgoingEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class CheckpointStoreTest {

    private static final CheckpointScope POD_SCOPE = CheckpointScope.of(TOPIC, PODS);
    private static final Checkpoint WEB = new Checkpoint("uid-web", "10", OptionalLong.of(1));
    private static final Checkpoint API = new Checkpoint("uid-api", "11");
    private static final Checkpoint DB = new Checkpoint("uid-db", "12");

    private final List<ProducerRecord<byte[], byte[]>> written = new ArrayList<>();
    // Objects whose checkpoint Kafka refuses: in the send's future, or at once, as the template does when the producer
    // gave up waiting for metadata or buffer space.
    private final Set<String> refused = new HashSet<>();
    private final Set<String> refusedAtOnce = new HashSet<>();
    // Objects whose checkpoint Kafka answers only when the test completes the send's future.
    private final Set<String> unanswered = new HashSet<>();
    private final List<CompletableFuture<SendResult<byte[], byte[]>>> awaitingAnswer = new ArrayList<>();
    private final CheckpointReader reader = mock(CheckpointReader.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CheckpointWriteOutcomes writes =
            new CheckpointWriteOutcomes("checkpoints", meters, Clock.systemUTC());
    // Written only when the test says so.
    private final CheckpointStore store = new CheckpointStore(
            "checkpoints", mock(KafkaAdmin.class), reader, recordingKafka(), Duration.ofHours(1), writes);

    @AfterEach
    void stop() {
        store.end(true);
    }

    @Test
    void checkpointsAreThoseOfTheTopicTheResourceAndTheObject() {
        startWith(Map.of(POD_SCOPE, Map.of("shop/web", WEB)));

        assertThat(store.atStart(TOPIC, PODS)).containsExactly(Map.entry("shop/web", WEB));
        assertThat(store.atStart("moved.core.pod", PODS))
                .as("a topic never written")
                .isEmpty();
        assertThat(store.atStart(TOPIC, new ResourceType("", "v2", "pods", "Pod", true)))
                .as("another version of the resource")
                .isEmpty();
    }

    @Test
    void legacyCheckpointsCountForTheCurrentTopicAndAreRewrittenBeforeTheyAreRetired() {
        startWith(Map.of(
                POD_SCOPE.legacy(),
                Map.of("shop/web", new Checkpoint("uid-web", "9"), "shop/api", API),
                POD_SCOPE,
                Map.of("shop/web", WEB, "shop/db", DB)));

        assertThat(store.atStart(TOPIC, PODS))
                .as("the current record of an object wins over its legacy one")
                .containsOnly(Map.entry("shop/web", WEB), Map.entry("shop/api", API), Map.entry("shop/db", DB));
        store.write();

        assertThat(written())
                .containsExactlyInAnyOrder(
                        record(new CheckpointKey(POD_SCOPE, "shop/api"), API),
                        record(new CheckpointKey(POD_SCOPE.legacy(), "shop/api"), null),
                        record(new CheckpointKey(POD_SCOPE.legacy(), "shop/web"), null));
        assertThat(written().subList(0, 1))
                .as("the rewritten record before the tombstones of the legacy ones")
                .containsExactly(record(new CheckpointKey(POD_SCOPE, "shop/api"), API));
    }

    @Test
    void acknowledgedStateWhereUpdatesAreNotComparedIsWrittenWithoutFingerprintAndADeleteAsTombstone() {
        startWith(Map.of());
        OutgoingEvent updated = event("shop/web", Operation.UPDATED, 12);

        store.acknowledged(updated);
        store.acknowledged(event("shop/api", Operation.DELETED, 3));
        store.write();

        Checkpoint expected = new Checkpoint("uid-shop/web", "12");
        assertThat(written())
                .containsExactlyInAnyOrder(
                        record(new CheckpointKey(POD_SCOPE, "shop/web"), expected),
                        record(new CheckpointKey(POD_SCOPE, "shop/api"), null));
        assertThat(CheckpointRecords.readValue(store.record(updated).value()))
                .as("in a transaction too")
                .isEqualTo(expected);
    }

    @Test
    void aStateWithTheFingerprintOfWhatCountsInItIsCheckpointedWithThatFingerprint() {
        startWith(Map.of());
        OutgoingEvent plain = event("shop/web", Operation.UPDATED, 12);
        OutgoingEvent compared = new OutgoingEvent(
                plain.topic(), plain.key(), plain.event(), plain.type(), plain.operation(), () -> OptionalLong.of(42));

        store.acknowledged(compared);
        store.write();

        Checkpoint expected = new Checkpoint("uid-shop/web", "12", OptionalLong.of(42));
        assertThat(written()).containsExactly(record(new CheckpointKey(POD_SCOPE, "shop/web"), expected));
        assertThat(CheckpointRecords.readValue(store.record(compared).value()))
                .as("in a transaction too")
                .isEqualTo(expected);
    }

    @Test
    void aStateCommittedInATransactionIsNotOverwrittenByAnOlderOneRecordedUnpublished() {
        startWith(Map.of());
        store.acknowledged(event("shop/web", Operation.SNAPSHOT, 12));

        store.record(event("shop/web", Operation.DELETED, 13));
        store.write();

        assertThat(written()).isEmpty();
    }

    @Test
    void writesKafkaRefusesAreCountedAndShownUntilOneIsWrittenAgain() {
        startWith(Map.of());
        refused.add("shop/web");
        refusedAtOnce.add("shop/api");
        store.acknowledged(event("shop/web", Operation.UPDATED, 12));
        store.acknowledged(event("shop/api", Operation.UPDATED, 13));

        store.write();

        assertThat(written()).isEmpty();
        assertThat(meters.get(CheckpointWriteOutcomes.FAILED)
                        .tag("resource", "v1/pods")
                        .counter()
                        .count())
                .as("refused in the send's future, and at once, which leaves the rest of the batch to write")
                .isEqualTo(2);
        assertThat(writes.failingSince()).isNotNull();
        assertThat(writes.lastError()).isIn("TimeoutException: expired", "TimeoutException: no metadata");

        store.acknowledged(event("shop/db", Operation.UPDATED, 14));
        store.write();

        assertThat(written())
                .containsExactly(record(new CheckpointKey(POD_SCOPE, "shop/db"), new Checkpoint("uid-shop/db", "14")));
        assertThat(writes.failingSince()).isNull();
    }

    @Test
    void aCheckpointKafkaRefusedIsWrittenWithTheNextBatch() {
        startWith(Map.of());
        refused.add("shop/web");
        refusedAtOnce.add("shop/api");
        store.acknowledged(event("shop/web", Operation.UPDATED, 12));
        store.acknowledged(event("shop/api", Operation.DELETED, 13));
        store.write();
        assertThat(written()).isEmpty();
        assertThat(store.unwrittenCount()).as("back for the next batch").isEqualTo(2);

        refused.clear();
        refusedAtOnce.clear();
        store.write();

        assertThat(written())
                .containsExactlyInAnyOrder(
                        record(new CheckpointKey(POD_SCOPE, "shop/web"), new Checkpoint("uid-shop/web", "12")),
                        record(new CheckpointKey(POD_SCOPE, "shop/api"), null));
        assertThat(store.unwrittenCount()).isZero();
    }

    @Test
    void aRefusedCheckpointIsNotWrittenAgainOverANewerStateOfItsObject() {
        startWith(Map.of());
        unanswered.add("shop/web");
        store.acknowledged(event("shop/web", Operation.UPDATED, 12));
        store.write();
        unanswered.clear();
        store.acknowledged(event("shop/web", Operation.UPDATED, 13));
        store.write();

        awaitingAnswer.get(0).completeExceptionally(new TimeoutException("expired"));
        store.write();

        assertThat(written())
                .containsExactly(
                        record(new CheckpointKey(POD_SCOPE, "shop/web"), new Checkpoint("uid-shop/web", "13")));
        assertThat(store.unwrittenCount()).isZero();
    }

    @Test
    void aCheckpointRefusedAfterItsTermEndedIsNotWrittenByTheNext() {
        startWith(Map.of());
        unanswered.add("shop/web");
        store.acknowledged(event("shop/web", Operation.UPDATED, 12));
        store.write();
        store.end(false);

        awaitingAnswer.get(0).completeExceptionally(new TimeoutException("expired"));
        startWith(Map.of());
        store.write();

        assertThat(written()).isEmpty();
        assertThat(store.unwrittenCount()).isZero();
    }

    @Test
    void aTermThatEndsWhileWritesFailLeavesNoOutageBehind() {
        startWith(Map.of());
        refused.add("shop/web");
        store.acknowledged(event("shop/web", Operation.UPDATED, 12));
        store.write();
        assertThat(writes.failingSince()).isNotNull();

        store.end(false);

        assertThat(writes.failingSince())
                .as("a replica that no longer leads writes nothing, and has nothing to mend")
                .isNull();
    }

    private void startWith(Map<CheckpointScope, Map<String, Checkpoint>> checkpoints) {
        when(reader.read()).thenReturn(checkpoints);
        store.begin();
    }

    /** What was written, in order: each record as its decoded key and checkpoint (null for a tombstone). */
    private List<Map.Entry<CheckpointKey, Checkpoint>> written() {
        return written.stream()
                .map(record -> record(
                        CheckpointRecords.readKey(record.key()),
                        record.value() == null ? null : CheckpointRecords.readValue(record.value())))
                .toList();
    }

    private static Map.Entry<CheckpointKey, Checkpoint> record(CheckpointKey key, Checkpoint checkpoint) {
        return new AbstractMap.SimpleImmutableEntry<>(key, checkpoint);
    }

    @SuppressWarnings("unchecked")
    private KafkaTemplate<byte[], byte[]> recordingKafka() {
        KafkaTemplate<byte[], byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(invocation -> {
            ProducerRecord<byte[], byte[]> record = invocation.getArgument(0);
            String object = CheckpointRecords.readKey(record.key()).object();
            if (refusedAtOnce.contains(object)) {
                throw new KafkaException("Send failed", new TimeoutException("no metadata"));
            }
            if (refused.contains(object)) {
                return CompletableFuture.failedFuture(new TimeoutException("expired"));
            }
            if (unanswered.contains(object)) {
                CompletableFuture<SendResult<byte[], byte[]>> answer = new CompletableFuture<>();
                answer.thenRun(() -> written.add(record));
                awaitingAnswer.add(answer);
                return answer;
            }
            written.add(record);
            return CompletableFuture.completedFuture(new SendResult<>(record, null));
        });
        return kafka;
    }
}
