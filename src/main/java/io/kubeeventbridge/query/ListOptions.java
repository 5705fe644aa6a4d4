package io.kubeeventbridge.query;

import io.kubeeventbridge.selector.FieldSelector;
import io.kubeeventbridge.selector.LabelSelector;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The query parameters of a list: selectors, page size and where to resume. Read as the API server reads them: a
 * repeated parameter counts with its first value.
 *
 * @param labels {@code labelSelector}; empty matches everything
 * @param fields {@code fieldSelector}; empty matches everything
 * @param limit {@code limit}; 0 for no limit
 * @param after the key from {@code continue}, or {@code null} to start at the beginning
 */
record ListOptions(LabelSelector labels, FieldSelector fields, int limit, ObjectKey after) {

    static final ListOptions EVERYTHING =
            new ListOptions(LabelSelector.parse(null), FieldSelector.parse(null), 0, null);

    /** ASCII digits only, as Go's ParseInt reads them: Java alone would also take other scripts' digits. */
    private static final Pattern NON_NEGATIVE = Pattern.compile("\\+?[0-9]+");

    /** @throws StatusException 400 BadRequest for a selector that does not parse, a bad limit or continue token */
    static ListOptions parse(Map<String, String> parameters) {
        String continueToken = parameters.get("continue");
        return new ListOptions(
                selector("labelSelector", parameters.get("labelSelector"), LabelSelector::parse),
                selector("fieldSelector", parameters.get("fieldSelector"), FieldSelector::parse),
                limit(parameters.get("limit")),
                continueToken == null || continueToken.isEmpty() ? null : ContinueToken.parse(continueToken));
    }

    private static <T> T selector(String parameter, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new StatusException(
                    StatusResponses.badRequest("unable to parse " + parameter + ": " + e.getMessage()));
        }
    }

    /** Any 64-bit limit, as the API server takes; no cache holds more objects than the largest int. */
    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (NON_NEGATIVE.matcher(text).matches()) {
            try {
                return (int) Math.min(Long.parseLong(text), Integer.MAX_VALUE);
            } catch (NumberFormatException beyondLong) {
                // answered below
            }
        }
        throw new StatusException(StatusResponses.badRequest(
                "limit \"" + text + "\" is invalid: must be a non-negative 64-bit integer (0 for no limit)"));
    }
}
