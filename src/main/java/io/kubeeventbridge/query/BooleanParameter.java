package io.kubeeventbridge.query;

/**
 * The API server's reading of a boolean query parameter ({@code watch}, {@code allowWatchBookmarks},
 * {@code sendInitialEvents}): absent is unset; {@code 0} and {@code false} in any case are false; anything else, even
 * an empty value, is true.
 */
final class BooleanParameter {

    private BooleanParameter() {}

    /** The parameter's value, or {@code null} when it is absent. */
    static Boolean read(String value) {
        if (value == null) {
            return null;
        }
        return !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    /** Whether the parameter is present and true. */
    static boolean isTrue(String value) {
        return Boolean.TRUE.equals(read(value));
    }
}
