package io.kubeeventbridge.predicate;

import io.kubeeventbridge.payload.JsonPointer;
import java.util.List;

/**
 * A JSON pointer (RFC 6901) in which a {@code *} token matches any one map key or array index, such as
 * {@code /status/conditions/*}{@code /lastHeartbeatTime}. It covers the value it designates and everything below.
 *
 * @param pointer as configured
 * @param tokens its unescaped reference tokens
 */
public record PointerPattern(String pointer, List<String> tokens) {

    static final String ANY = "*";

    public PointerPattern {
        tokens = List.copyOf(tokens);
    }

    /** @throws IllegalArgumentException saying what is wrong and what to write instead */
    public static PointerPattern parse(String pointer) {
        List<String> tokens = JsonPointer.tokens(pointer);
        if (tokens.equals(List.of(""))) {
            throw new IllegalArgumentException("would cover the whole object; name a part of it, such as /status");
        }
        return new PointerPattern(pointer, tokens);
    }

    /** Whether the value at {@code path} (unescaped tokens) is this pattern's, or lies below it. */
    boolean covers(List<String> path) {
        return path.size() >= tokens.size() && matchesUpTo(path, tokens.size());
    }

    /** Whether the value at {@code path} (unescaped tokens), or one below it, is this pattern's. */
    boolean mayCoverBelow(List<String> path) {
        return matchesUpTo(path, Math.min(path.size(), tokens.size()));
    }

    /** Whether the first {@code length} tokens of {@code path} match this pattern's. */
    private boolean matchesUpTo(List<String> path, int length) {
        for (int index = 0; index < length; index++) {
            String token = tokens.get(index);
            if (!token.equals(ANY) && !token.equals(path.get(index))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return pointer;
    }
}
