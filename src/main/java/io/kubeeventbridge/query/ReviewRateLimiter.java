package io.kubeeventbridge.query;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perSecond} token reviews per client address in each second. Bounded: past {@value #MAX_CLIENTS}
 * clients it forgets every count rather than growing.
 */
final class ReviewRateLimiter {

    private static final int MAX_CLIENTS = 10_000;

    private final int perSecond;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    ReviewRateLimiter(int perSecond, Clock clock) {
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** Counts one review for {@code client}; whether it is within the limit. */
    boolean tryAcquire(String client) {
        long second = clock.millis() / 1000;
        if (windows.size() >= MAX_CLIENTS) {
            windows.clear();
        }
        Window window = windows.compute(
                client,
                (key, old) -> old == null || old.second() != second
                        ? new Window(second, 1)
                        : new Window(second, old.count() + 1));
        return window.count() <= perSecond;
    }

    private record Window(long second, int count) {}
}
