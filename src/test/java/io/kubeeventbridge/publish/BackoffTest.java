package io.kubeeventbridge.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofMillis(500);

    // Stands still: only a success ends a pause.
    private final Backoff backoff =
            new Backoff(FIRST, MAX, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void sendingResumesAtOnceWhenNothingFailed() {
        CompletableFuture<Void> resumed = CompletableFuture.runAsync(this::awaitResume);

        await().atMost(Duration.ofSeconds(5)).until(resumed::isDone);
    }

    @Test
    void eachFailureDoublesThePauseUpToTheMaximum() {
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.failed()).isEqualTo(MAX);
        assertThat(backoff.failed()).isEqualTo(MAX);
    }

    @Test
    void successEndsThePauseAndTheNextFailureStartsOver() {
        backoff.failed();
        backoff.failed();
        CompletableFuture<Void> resumed = CompletableFuture.runAsync(this::awaitResume);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !resumed.isDone());
        backoff.reset();

        await().atMost(Duration.ofSeconds(5)).until(resumed::isDone);
        assertThat(backoff.failed()).isEqualTo(FIRST);
    }

    @Test
    void aPauseIsOnFromAFailureUntilASuccess() {
        assertThat(backoff.paused()).isFalse();

        backoff.failed();
        assertThat(backoff.paused()).isTrue();

        backoff.reset();
        assertThat(backoff.paused()).isFalse();
    }

    private void awaitResume() {
        try {
            backoff.awaitResume();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
