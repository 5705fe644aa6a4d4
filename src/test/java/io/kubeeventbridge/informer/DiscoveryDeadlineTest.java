package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.kubeeventbridge.discovery.DiscoveryUnavailableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** On a clock of the test's: a request that gets no answer moves it on by the whole time it was given. */
class DiscoveryDeadlineTest {

    private static final String UNAVAILABLE = "GET /apis/slow.example.com/v1: 503 ServiceUnavailable";

    private final AtomicLong clock = new AtomicLong();
    private final DiscoveryDeadline deadline = new DiscoveryDeadline(Duration.ofSeconds(5), Duration.ZERO, clock::get);
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aLookupIsTriedAgainUntilItAnswers() {
        String answer = deadline.lookUp(budget -> {
            if (attempts.incrementAndGet() < 3) {
                throw unavailableAfter(Duration.ofSeconds(1));
            }
            return "answered";
        });

        assertThat(answer).isEqualTo("answered");
        assertThat(attempts).hasValue(3);
        assertThat(deadline.passed()).isFalse();
        assertThat(deadline.lastError()).isEqualTo(UNAVAILABLE);
    }

    @Test
    void anAttemptTheDeadlineCutShortKeepsWhatTheServerLastAnswered() {
        // The 503 comes 3 ms before the deadline: the next attempt has 3 ms.
        Function<Duration, String> unavailableThenSilent = budget -> {
            if (attempts.incrementAndGet() == 1) {
                throw unavailableAfter(Duration.ofSeconds(5).minusMillis(3));
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
        assertThat(attempts).hasValue(0);
        assertThat(deadline.lastError()).isEqualTo("GET /apis/slow.example.com/v1: no answer within PT5S");
    }

    private DiscoveryUnavailableException unavailableAfter(Duration answeredAfter) {
        clock.addAndGet(answeredAfter.toNanos());
        return new DiscoveryUnavailableException(UNAVAILABLE);
    }

    private DiscoveryUnavailableException silentFor(Duration budget) {
        clock.addAndGet(budget.toNanos());
        return new DiscoveryUnavailableException("GET /apis/slow.example.com/v1: no answer within " + budget);
    }
}
