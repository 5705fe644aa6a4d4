package io.kubeeventbridge.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A pause after failed sends that doubles with each failure up to a maximum and ends with the first success, so an
 * unreachable broker is retried promptly at first and gently afterwards.
 */
final class Backoff {

    private final Duration first;
    private final Duration max;
    private final Clock clock;
    private Duration current = Duration.ZERO;
    private Instant resumeAt = Instant.MIN;
    // Read without the lock first: sends and acknowledgements, one call each per event, find it false but in outages.
    private volatile boolean failing;

    Backoff(Duration first, Duration max, Clock clock) {
        this.first = first;
        this.max = max;
        this.clock = clock;
    }

    /** Records a failure and returns the pause it starts. */
    synchronized Duration failed() {
        current = current.isZero() ? first : min(current.multipliedBy(2), max);
        resumeAt = clock.instant().plus(current);
        failing = true;
        return current;
    }

    void reset() {
        if (failing) {
            resetFailing();
        }
    }

    private synchronized void resetFailing() {
        failing = false;
        current = Duration.ZERO;
        resumeAt = Instant.MIN;
        notifyAll();
    }

    /** Whether a pause is on now. */
    boolean paused() {
        return failing && pausedNow();
    }

    private synchronized boolean pausedNow() {
        return clock.instant().isBefore(resumeAt);
    }

    /** Blocks the sending thread until the current pause is over (or a success ended it). */
    void awaitResume() throws InterruptedException {
        if (failing) {
            awaitPause();
        }
    }

    private synchronized void awaitPause() throws InterruptedException {
        Instant now;
        // Called before every send: compare first, since the nanoseconds from now to Instant.MIN overflow, and
        // Duration.between would throw and catch an ArithmeticException each time.
        while ((now = clock.instant()).isBefore(resumeAt)) {
            wait(Math.max(1, Duration.between(now, resumeAt).toMillis()));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
