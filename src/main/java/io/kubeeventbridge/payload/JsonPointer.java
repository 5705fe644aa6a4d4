package io.kubeeventbridge.payload;

import java.util.ArrayList;
import java.util.List;

/** The syntax of JSON pointers (RFC 6901): {@code /a/b~1c} is the keys {@code a}, then {@code b/c}. */
public final class JsonPointer {

    private JsonPointer() {}

    /**
     * The unescaped reference tokens of {@code pointer}.
     *
     * @throws IllegalArgumentException saying what is wrong and what to write instead
     */
    public static List<String> tokens(String pointer) {
        if (pointer == null || !pointer.startsWith("/")) {
            throw new IllegalArgumentException(
                    "is not a JSON pointer; start it with '/', such as /status or /metadata/annotations/example.com~1note");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(unescape(raw, pointer));
        }
        return tokens;
    }

    /** {@code token} as it is written inside a pointer: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String token, String pointer) {
        StringBuilder unescaped = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c != '~') {
                unescaped.append(c);
                continue;
            }
            char next = i + 1 < token.length() ? token.charAt(i + 1) : ' ';
            if (next != '0' && next != '1') {
                throw new IllegalArgumentException("has '~' not followed by 0 or 1 in \"" + pointer
                        + "\"; write ~0 for '~' and ~1 for '/' inside a key");
            }
            unescaped.append(next == '0' ? '~' : '/');
            i++;
        }
        return unescaped.toString();
    }
}
