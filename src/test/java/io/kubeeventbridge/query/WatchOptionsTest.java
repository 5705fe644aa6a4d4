package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

class WatchOptionsTest {

    @ParameterizedTest(name = "resourceVersion={0} sendInitialEvents={1}")
    @CsvSource(
            nullValues = "none",
            value = {
                // resourceVersion, sendInitialEvents, starts after, initial events, initial-events-end bookmark
                "none,  none,  none, true,  false",
                "0,     none,  none, true,  false",
                "'',    none,  none, true,  false",
                "42,    none,  42,   false, false",
                "none,  true,  none, true,  true",
                "42,    true,  42,   true,  true",
                "none,  false, none, false, false",
            })
    void resourceVersionAndSendInitialEventsDecideWhereAWatchStarts(
            String resourceVersion, String sendInitialEvents, String after, boolean initial, boolean initialEnd) {
        Map<String, String> parameters = new HashMap<>();
        if (resourceVersion != null) {
            parameters.put("resourceVersion", resourceVersion);
        }
        if (sendInitialEvents != null) {
            parameters.put("sendInitialEvents", sendInitialEvents);
            parameters.put("resourceVersionMatch", "NotOlderThan");
            parameters.put("allowWatchBookmarks", "true");
        }
        WatchOptions options = WatchOptions.parse(parameters);
        assertThat(options.resourceVersion()).isEqualTo(after);
        assertThat(options.initialEvents()).isEqualTo(initial);
        assertThat(options.initialEventsEnd()).isEqualTo(initialEnd);
    }

    @Test
    void bookmarksAndTimeoutAreRead() {
        WatchOptions options = WatchOptions.parse(Map.of("allowWatchBookmarks", "1", "timeoutSeconds", "30"));
        assertThat(options.bookmarks()).isTrue();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(WatchOptions.parse(Map.of("timeoutSeconds", "0")).timeout()).isNull();
        assertThat(WatchOptions.parse(Map.of()).bookmarks()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sendInitialEvents=true&allowWatchBookmarks=true | sendInitialEvents is forbidden for watch unless "
                        + "resourceVersionMatch is set to NotOlderThan",
                "sendInitialEvents=true&resourceVersionMatch=NotOlderThan | allowWatchBookmarks must be set to true",
                "resourceVersionMatch=NotOlderThan | resourceVersionMatch is forbidden for watch unless "
                        + "sendInitialEvents is provided",
                "timeoutSeconds=-1 | timeoutSeconds \"-1\" is invalid",
                "timeoutSeconds=soon | timeoutSeconds \"soon\" is invalid",
            })
    void combinationsTheApiServerRefusesAreBadRequests(String query, String message) {
        Map<String, String> parameters = new HashMap<>();
        for (String parameter : query.split("&")) {
            String[] pair = parameter.split("=", 2);
            parameters.put(pair[0], pair[1]);
        }
        assertThatThrownBy(() -> WatchOptions.parse(parameters)).isInstanceOfSatisfying(StatusException.class, e -> {
            assertThat(e.response().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(((Map<?, ?>) e.response().getBody()).get("message"))
                    .asString()
                    .startsWith(message);
        });
    }
}
