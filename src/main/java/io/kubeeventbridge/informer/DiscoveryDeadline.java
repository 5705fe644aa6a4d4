package io.kubeeventbridge.informer;

import io.kubeeventbridge.discovery.DiscoveryUnavailableException;
import io.kubeeventbridge.discovery.Timeouts;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Bounds startup discovery ({@code bridge.informer.discovery-timeout}): each lookup is tried again, a pause apart,
 * until it answers or the deadline passes; from then on every lookup gives up at once, with the last error the API
 * server gave. A refusal ({@code DiscoveryAccessException}) is not retried.
 */
final class DiscoveryDeadline {

    private final Duration timeout;
    private final Duration pause;
    private final LongSupplier nanoTime;
    private final long end;
    private String lastError;
    private boolean passed;

    DiscoveryDeadline(Duration timeout, Duration pause) {
        this(timeout, pause, System::nanoTime);
    }

    /** @param nanoTime the clock the deadline is kept by, as {@link System#nanoTime()} */
    DiscoveryDeadline(Duration timeout, Duration pause, LongSupplier nanoTime) {
        this.timeout = timeout;
        this.pause = pause;
        this.nanoTime = nanoTime;
        this.end = nanoTime.getAsLong() + timeout.toNanos();
    }

    /**
     * What {@code request} answers, given the time left for one request.
     *
     * @throws DiscoveryUnavailableException once the deadline has passed
     */
    <T> T lookUp(Function<Duration, T> request) {
        while (true) {
            long remaining = end - nanoTime.getAsLong();
            if (remaining <= 0) {
                passed = true;
                throw new DiscoveryUnavailableException(
                        "no answer within " + Timeouts.describe(timeout) + " (last error: " + lastError() + ")");
            }
            try {
                return request.apply(Duration.ofNanos(remaining));
            } catch (DiscoveryUnavailableException e) {
                // An attempt that ran out of time because the deadline did tells nothing the answer before it did not
                // (it may have had a few milliseconds): the last error is what the server last said, if it said any.
                if (lastError == null || nanoTime.getAsLong() < end) {
                    lastError = e.getMessage();
                }
                pause(Math.min(remaining, pause.toNanos()));
            }
        }
    }

    /** Whether a lookup gave up because the deadline had passed. */
    boolean passed() {
        return passed;
    }

    Duration timeout() {
        return timeout;
    }

    /** The last failure seen, or why there is none. */
    String lastError() {
        return lastError != null ? lastError : "none; the answers came too slowly";
    }

    private static void pause(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscoveryUnavailableException("interrupted while waiting to retry discovery");
        }
    }
}
