package io.kubeeventbridge.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers each decision of another {@link AccessReviewer} for a short time, so that kubectl's burst of requests
 * costs the API server one review each. Refusals are remembered as well as approvals, so a client repeating a bad
 * token costs one review per TTL too. Tokens are kept only as SHA-256 hashes. Bounded: when full, it forgets
 * everything rather than growing. Failures to ask (the API server unreachable) are never remembered.
 */
final class CachingAccessReviewer implements AccessReviewer {

    private final AccessReviewer delegate;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final Map<Object, Decision<?>> decisions = new ConcurrentHashMap<>();

    CachingAccessReviewer(AccessReviewer delegate, Duration ttl, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Optional<User> authenticate(String token) {
        return remembered(tokenKey(token), () -> delegate.authenticate(token));
    }

    /** Whether a decision on {@code token}, accepted or not, would be answered without asking the API server. */
    boolean remembers(String token) {
        Decision<?> known = decisions.get(tokenKey(token));
        return known != null && clock.instant().isBefore(known.expires());
    }

    @Override
    public boolean allowed(User user, ResourceAttributes attributes) {
        return remembered(new AccessKey(user, attributes), () -> delegate.allowed(user, attributes));
    }

    private <T> T remembered(Object key, Supplier<T> decide) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        Decision<T> known = (Decision<T>) decisions.get(key);
        if (known != null && now.isBefore(known.expires())) {
            return known.value();
        }
        T value = decide.get();
        if (decisions.size() >= maxEntries) {
            decisions.clear();
        }
        decisions.put(key, new Decision<>(value, now.plus(ttl)));
        return value;
    }

    private static String tokenKey(String token) {
        return "token:" + sha256(token);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Decision<T>(T value, Instant expires) {}

    private record AccessKey(User user, ResourceAttributes attributes) {}
}
