package io.kubeeventbridge.publish;

import static io.kubeeventbridge.event.Operation.CREATED;
import static io.kubeeventbridge.event.Operation.DELETED;
import static io.kubeeventbridge.event.Operation.SNAPSHOT;
import static io.kubeeventbridge.event.Operation.UPDATED;
import static io.kubeeventbridge.publish.OutgoingEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PendingEventsTest {

    private final List<OutgoingEvent> coalesced = new ArrayList<>();
    private final PendingEvents queue = new PendingEvents(coalesced::add);

    static Stream<Arguments> mergeRules() {
        return Stream.of(
                Arguments.of(
                        "created then updated: still a creation, newest state",
                        List.of(event("a", CREATED, 1), event("a", UPDATED, 2)),
                        List.of("created uid-a/2")),
                Arguments.of(
                        "snapshot then updated: still a snapshot, newest state",
                        List.of(event("a", SNAPSHOT, 1), event("a", UPDATED, 2)),
                        List.of("snapshot uid-a/2")),
                Arguments.of(
                        "updates collapse to the newest",
                        List.of(event("a", UPDATED, 1), event("a", UPDATED, 2), event("a", UPDATED, 3)),
                        List.of("updated uid-a/3")),
                Arguments.of(
                        "an update before a delete is replaced by the delete",
                        List.of(event("a", UPDATED, 1), event("a", DELETED, 1)),
                        List.of("deleted uid-a/1/deleted")),
                Arguments.of(
                        "a creation is never merged away by a delete",
                        List.of(event("a", CREATED, 1), event("a", DELETED, 1)),
                        List.of("created uid-a/1", "deleted uid-a/1/deleted")),
                Arguments.of(
                        "nothing merges into a delete",
                        List.of(event("a", DELETED, 1), event("a", CREATED, 5), event("a", UPDATED, 6)),
                        List.of("deleted uid-a/1/deleted", "created uid-a/6")),
                Arguments.of(
                        "other objects are independent",
                        List.of(event("a", CREATED, 1), event("b", UPDATED, 2), event("a", UPDATED, 3)),
                        List.of("created uid-a/3", "updated uid-b/2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mergeRules")
    void unsentEventsMergeByTheRules(String rule, List<OutgoingEvent> added, List<String> expectedInOrder)
            throws InterruptedException {
        added.forEach(queue::add);

        assertThat(drain()).containsExactlyElementsOf(expectedInOrder);
    }

    @Test
    void aMergedEventCarriesTheFingerprintOfTheNewerState() {
        OutgoingEvent created = event("a", CREATED, 1);
        OutgoingEvent updated = event("a", UPDATED, 2);

        OutgoingEvent merged = PendingEvents.merge(withFingerprint(created, 1), withFingerprint(updated, 2))
                .orElseThrow();

        assertThat(merged.fingerprint().get()).hasValue(2);
        assertThat(merged.operation()).isEqualTo(CREATED);
    }

    private static OutgoingEvent withFingerprint(OutgoingEvent event, long fingerprint) {
        return new OutgoingEvent(
                event.topic(),
                event.key(),
                event.event(),
                event.type(),
                event.operation(),
                () -> OptionalLong.of(fingerprint));
    }

    @Test
    void oneEventPerObjectIsInFlightAtATime() throws InterruptedException {
        queue.add(event("a", CREATED, 1));
        queue.add(event("a", DELETED, 1));
        queue.add(event("b", CREATED, 2));

        OutgoingEvent first = take(Duration.ZERO);
        OutgoingEvent second = take(Duration.ZERO);

        assertThat(describe(first)).isEqualTo("created uid-a/1");
        assertThat(describe(second))
                .as("a's delete waits for the creation's acknowledgement")
                .isEqualTo("created uid-b/2");
        assertThat(take(Duration.ZERO)).isNull();
        queue.acknowledged(first, () -> {});
        assertThat(describe(take(Duration.ZERO))).isEqualTo("deleted uid-a/1/deleted");
    }

    @Test
    void drainToHandsOverEveryReadyObjectsNextEventUpToTheMaximum() throws InterruptedException {
        queue.add(event("a", CREATED, 1));
        queue.add(event("a", DELETED, 1));
        queue.add(event("b", CREATED, 2));
        queue.add(event("c", CREATED, 3));
        List<OutgoingEvent> taken = new ArrayList<>();

        assertThat(queue.drainTo(taken, 2, Duration.ZERO)).isEqualTo(2);
        assertThat(queue.drainTo(taken, 10, Duration.ZERO)).isEqualTo(1);

        assertThat(taken)
                .extracting(PendingEventsTest::describe)
                .as("in the order they became ready; a's delete waits for the creation's acknowledgement")
                .containsExactly("created uid-a/1", "created uid-b/2", "created uid-c/3");
        assertThat(queue.drainTo(taken, 10, Duration.ZERO)).isZero();
        queue.acknowledged(taken.get(0), () -> {});
        assertThat(queue.drainTo(taken, 10, Duration.ZERO)).isEqualTo(1);
        assertThat(describe(taken.get(3))).isEqualTo("deleted uid-a/1/deleted");
        assertThat(queue.size()).isEqualTo(3);
    }

    @Test
    void waitingDrainToGetsWhatBecomesReady() throws InterruptedException {
        CompletableFuture<List<OutgoingEvent>> taken = CompletableFuture.supplyAsync(() -> {
            try {
                List<OutgoingEvent> events = new ArrayList<>();
                queue.drainTo(events, 10, Duration.ofMinutes(1));
                return events;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        queue.add(event("a", CREATED, 1));

        await().atMost(Duration.ofSeconds(10)).until(taken::isDone);
        assertThat(taken.join()).extracting(PendingEventsTest::describe).containsExactly("created uid-a/1");
    }

    @Test
    void anEventInFlightWhenTheQueueIsClearedIsForgottenWhateverBecomesOfIt() throws InterruptedException {
        queue.add(event("a", CREATED, 1));
        OutgoingEvent failing = take(Duration.ZERO);
        queue.add(event("b", CREATED, 1));
        OutgoingEvent acknowledged = take(Duration.ZERO);
        queue.clear();
        queue.add(event("b", UPDATED, 2));

        AtomicBoolean recorded = new AtomicBoolean();
        queue.failed(failing);

        queue.acknowledged(acknowledged, () -> recorded.set(true));
        assertThat(recorded).as("nothing is recorded of an event forgotten").isFalse();
        assertThat(queue.size()).isEqualTo(1);
        assertThat(drain()).containsExactly("updated uid-b/2");
    }

    @ParameterizedTest(name = "late {0}")
    @ValueSource(strings = {"acknowledgement", "failure"})
    void aLateOutcomeFromBeforeAClearLeavesTheObjectsNewEventInFlight(String outcome) throws InterruptedException {
        queue.add(event("a", CREATED, 1));
        OutgoingEvent fromBefore = take(Duration.ZERO);
        queue.clear();
        queue.add(event("a", UPDATED, 2));
        OutgoingEvent inFlight = take(Duration.ZERO);
        queue.add(event("a", UPDATED, 3));

        if (outcome.equals("failure")) {
            queue.failed(fromBefore);
        } else {
            AtomicBoolean recorded = new AtomicBoolean();
            queue.acknowledged(fromBefore, () -> recorded.set(true));
            assertThat(recorded)
                    .as("nothing is recorded of an event from before the clear")
                    .isFalse();
        }

        assertThat(take(Duration.ZERO))
                .as("the newer state waits for the acknowledgement of the one in flight")
                .isNull();
        queue.acknowledged(inFlight, () -> {});
        assertThat(drain()).containsExactly("updated uid-a/3");
    }

    @Test
    void whatAnAcknowledgementRecordsRunsWhileItsEventIsStillInFlight() throws InterruptedException {
        queue.add(event("a", CREATED, 1));
        OutgoingEvent created = take(Duration.ZERO);
        queue.add(event("a", UPDATED, 2));
        List<Integer> sizeWhileRecording = new ArrayList<>();

        queue.acknowledged(created, () -> sizeWhileRecording.add(queue.size()));

        assertThat(sizeWhileRecording)
                .as("the creation in flight and the update waiting")
                .containsExactly(2);
        assertThat(describe(take(Duration.ZERO))).isEqualTo("updated uid-a/2");
    }

    @Test
    void failedEventGoesBackInFrontAndMergesWithNewerStates() throws InterruptedException {
        queue.add(event("a", CREATED, 1));
        OutgoingEvent inFlight = take(Duration.ZERO);
        queue.add(event("a", UPDATED, 2));

        queue.failed(inFlight);

        assertThat(drain()).containsExactly("created uid-a/2");
    }

    @Test
    void manyChangesToFewObjectsLeaveNoMoreEventsThanObjects() {
        for (int version = 1; version <= 10_000; version++) {
            queue.add(event("obj-" + version % 3, UPDATED, version));
        }

        assertThat(queue.size()).isEqualTo(3);
        assertThat(coalesced).hasSize(10_000 - 3);
    }

    @Test
    void awaitEmptyReturnsOnceEverythingIsAcknowledged() throws InterruptedException {
        queue.add(event("a", CREATED, 1));
        assertThat(queue.awaitEmpty(Duration.ofMillis(10))).isFalse();

        queue.acknowledged(take(Duration.ZERO), () -> {});

        assertThat(queue.awaitEmpty(Duration.ofMillis(10))).isTrue();
    }

    @Test
    void waitingTakeGetsTheNextEventOfAnObjectAsSoonAsItsPreviousIsAcknowledged() throws InterruptedException {
        queue.add(event("a", CREATED, 1));
        OutgoingEvent inFlight = take(Duration.ZERO);
        queue.add(event("a", DELETED, 1));
        CompletableFuture<OutgoingEvent> next = takeAsync(Duration.ofMinutes(1));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(10)).until(() -> !next.isDone());

        queue.acknowledged(inFlight, () -> {});

        await().atMost(Duration.ofSeconds(10)).until(next::isDone);
        assertThat(describe(next.join())).isEqualTo("deleted uid-a/1/deleted");
    }

    @Test
    void waitingAwaitEmptyReturnsAsSoonAsTheLastEventIsAcknowledged() throws InterruptedException {
        queue.add(event("a", CREATED, 1));
        queue.add(event("b", CREATED, 2));
        OutgoingEvent first = take(Duration.ZERO);
        OutgoingEvent second = take(Duration.ZERO);
        CompletableFuture<Boolean> empty = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.awaitEmpty(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        queue.acknowledged(first, () -> {});
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(10)).until(() -> !empty.isDone());
        queue.acknowledged(second, () -> {});

        await().atMost(Duration.ofSeconds(10)).until(empty::isDone);
        assertThat(empty.join()).isTrue();
    }

    private CompletableFuture<OutgoingEvent> takeAsync(Duration timeout) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return take(timeout);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The next event whose object has nothing in flight, waiting up to {@code timeout}; null if none came. */
    private OutgoingEvent take(Duration timeout) throws InterruptedException {
        List<OutgoingEvent> taken = new ArrayList<>(1);
        return queue.drainTo(taken, 1, timeout) == 0 ? null : taken.get(0);
    }

    /** Takes and acknowledges everything, returning each event as "operation id", in the order sent. */
    private List<String> drain() throws InterruptedException {
        List<String> sent = new ArrayList<>();
        OutgoingEvent next;
        while ((next = take(Duration.ZERO)) != null) {
            sent.add(describe(next));
            queue.acknowledged(next, () -> {});
        }
        return sent;
    }

    private static String describe(OutgoingEvent event) {
        String type = event.event().getType();
        assertThat(type).endsWith("." + event.operation().typeSegment());
        return event.operation().typeSegment() + " " + event.event().getId();
    }
}
