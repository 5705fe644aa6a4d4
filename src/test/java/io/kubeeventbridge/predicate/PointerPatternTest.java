package io.kubeeventbridge.predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointerPatternTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
        "/status,                                  /status,                                     true",
        "/status,                                  /status/phase,                               true",
        "/status,                                  /statusX,                                    false",
        "/status/phase,                            /status,                                     false",
        "/status/conditions/*/lastHeartbeatTime,   /status/conditions/0/lastHeartbeatTime,      true",
        "/status/conditions/*/lastHeartbeatTime,   /status/conditions/12/lastHeartbeatTime/x,   true",
        "/status/conditions/*/lastHeartbeatTime,   /status/conditions/0/status,                 false",
        "/metadata/annotations/*,                  /metadata/annotations/a~1b,                  true",
        "/metadata/annotations/example.com~1beat,  /metadata/annotations/example.com~1beat,     true",
        "/metadata/annotations/example.com~1beat,  /metadata/annotations/example.com,           false",
        "/metadata/labels/a~0b,                    /metadata/labels/a~0b,                       true",
        "/*,                                       /spec,                                       true",
    })
    void coversTheValueItDesignatesAndEverythingBelow(String pattern, String pointer, boolean covered) {
        List<String> path = io.kubeeventbridge.payload.JsonPointer.tokens(pointer);
        assertThat(PointerPattern.parse(pattern).covers(path)).isEqualTo(covered);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "status.phase | is not a JSON pointer; start it with '/'",
                "/a/~2        | has '~' not followed by 0 or 1",
                "/a~          | has '~' not followed by 0 or 1",
                "/            | would cover the whole object",
            })
    void whatIsNotAPointerIsRejectedSayingWhatToWrite(String pattern, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PointerPattern.parse(pattern))
                .withMessageContaining(message);
    }
}
