package io.kubeeventbridge.selector;

/**
 * A label or field selector that cannot be parsed. The message names the input, the 0-based character position of
 * the problem and what was expected there, e.g. {@code unexpected end of input at position 11 in "app in (web";
 * expected "," or ")"}.
 */
public final class SelectorSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Tokens longer than any valid key name or value are shortened in messages; the full input follows anyway. */
    private static final int MAX_SHOWN_TOKEN_LENGTH = 63;

    private static final int SHORTENED_TOKEN_LENGTH = 20;

    private final String input;
    private final int position;

    /**
     * @param subject what is wrong, e.g. {@code unexpected ")"}
     * @param detail the rest of the sentence after the position, e.g. {@code ; expected "," or end of input}
     */
    SelectorSyntaxException(String input, int position, String subject, String detail) {
        super(subject + " at position " + position + " in " + quote(input) + detail);
        this.input = input;
        this.position = position;
    }

    static SelectorSyntaxException unexpected(String input, int position, String found, String expected) {
        return new SelectorSyntaxException(input, position, "unexpected " + found, "; expected " + expected);
    }

    /** The selector text that failed to parse. */
    public String input() {
        return input;
    }

    /** The 0-based character offset in {@link #input()} where the problem starts. */
    public int position() {
        return position;
    }

    /**
     * Double-quotes text for a message. Only control characters are escaped: the message must stay on one line,
     * but escaping quotes or backslashes would garble field selectors, where backslashes are meaningful.
     */
    static String quote(String text) {
        var quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** Like {@link #quote}, but shortens tokens too long to be valid, so the message stays readable. */
    static String quoteToken(String token) {
        return token.length() > MAX_SHOWN_TOKEN_LENGTH
                ? quote(token.substring(0, SHORTENED_TOKEN_LENGTH) + "...")
                : quote(token);
    }
}
