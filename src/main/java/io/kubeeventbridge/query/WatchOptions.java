package io.kubeeventbridge.query;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parameters of a watch, as the API server reads and validates them (selectors are {@link ListOptions}).
 *
 * @param resourceVersion where to start: the changes after it; {@code null} when the watch starts from the current
 *     state ({@code initialEvents}) or from now
 * @param initialEvents whether the watch begins with an {@code ADDED} event for every object it selects: without
 *     {@code sendInitialEvents}, when {@code resourceVersion} is unset or {@code "0"}
 * @param initialEventsEnd whether a {@code BOOKMARK} marks the end of those events ({@code sendInitialEvents=true}, the
 *     watch-list protocol of newer client-go informers)
 * @param bookmarks {@code allowWatchBookmarks}: periodic {@code BOOKMARK}s naming the version reached
 * @param timeout {@code timeoutSeconds}, or {@code null} for the server's
 */
record WatchOptions(
        String resourceVersion, boolean initialEvents, boolean initialEventsEnd, boolean bookmarks, Duration timeout) {

    private static final String NOT_OLDER_THAN = "NotOlderThan";
    private static final Pattern NON_NEGATIVE = Pattern.compile("\\+?[0-9]{1,18}");

    /** @throws StatusException 400 BadRequest for a combination the API server refuses, or a bad timeoutSeconds */
    static WatchOptions parse(Map<String, String> parameters) {
        String resourceVersion = emptyToNull(parameters.get("resourceVersion"));
        String match = emptyToNull(parameters.get("resourceVersionMatch"));
        Boolean sendInitialEvents = BooleanParameter.read(parameters.get("sendInitialEvents"));
        boolean bookmarks = BooleanParameter.isTrue(parameters.get("allowWatchBookmarks"));
        if (sendInitialEvents != null) {
            if (!NOT_OLDER_THAN.equals(match)) {
                throw invalid("sendInitialEvents is forbidden for watch unless resourceVersionMatch is set to "
                        + NOT_OLDER_THAN);
            }
            if (!bookmarks) {
                throw invalid("allowWatchBookmarks must be set to true when sendInitialEvents is set");
            }
        } else if (match != null) {
            throw invalid("resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided");
        }
        boolean fromState = resourceVersion == null || resourceVersion.equals("0");
        boolean initialEvents = sendInitialEvents != null ? sendInitialEvents : fromState;
        return new WatchOptions(
                fromState ? null : resourceVersion,
                initialEvents,
                Boolean.TRUE.equals(sendInitialEvents),
                bookmarks,
                timeout(parameters.get("timeoutSeconds")));
    }

    private static Duration timeout(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!NON_NEGATIVE.matcher(text).matches()) {
            throw invalid("timeoutSeconds \"" + text + "\" is invalid: must be a non-negative integer");
        }
        long seconds = Long.parseLong(text);
        return seconds == 0 ? null : Duration.ofSeconds(seconds);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static StatusException invalid(String message) {
        return new StatusException(StatusResponses.badRequest(message));
    }
}
