package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.kubeeventbridge.discovery.DiscoveryUnavailableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DiscoveryDeadlineTest {

    private static final String UNAVAILABLE = "GET /apis/slow.example.com/v1: 503 ServiceUnavailable";

    private final DiscoveryDeadline deadline = new DiscoveryDeadline(Duration.ofMillis(200), Duration.ofMillis(1));
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aLookupIsTriedAgainUntilItAnswers() {
        String answer = deadline.lookUp(budget -> {
            if (attempts.incrementAndGet() < 3) {
                throw new DiscoveryUnavailableException(UNAVAILABLE);
            }
            return "answered";
        });

        assertThat(answer).isEqualTo("answered");
        assertThat(deadline.passed()).isFalse();
        assertThat(deadline.lastError()).isEqualTo(UNAVAILABLE);
    }

    @Test
    void anAttemptTheDeadlineCutShortKeepsWhatTheServerLastAnswered() {
        Function<Duration, String> unavailableThenSilent = budget -> {
            if (attempts.incrementAndGet() == 1) {
                throw new DiscoveryUnavailableException(UNAVAILABLE);
            }
            throw silentFor(budget);
        };

        assertThatExceptionOfType(DiscoveryUnavailableException.class)
                .isThrownBy(() -> deadline.lookUp(unavailableThenSilent))
                .withMessageContaining("503 ServiceUnavailable");
        assertThat(attempts).hasValue(2);
        assertThat(deadline.passed()).isTrue();
        assertThat(deadline.lastError()).isEqualTo(UNAVAILABLE);
    }

    @Test
    void aServerThatNeverAnswersIsReportedSo() {
        assertThatExceptionOfType(DiscoveryUnavailableException.class)
                .isThrownBy(() -> deadline.lookUp(budget -> {
                    throw silentFor(budget);
                }));
        assertThat(deadline.lastError()).contains("no answer within");
    }

    /** A request to a server that does not answer: it fails once its whole budget has passed. */
    private static DiscoveryUnavailableException silentFor(Duration budget) {
        long end = System.nanoTime() + budget.toNanos();
        for (long left = budget.toNanos(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        return new DiscoveryUnavailableException("GET /apis/slow.example.com/v1: no answer within " + budget);
    }
}
