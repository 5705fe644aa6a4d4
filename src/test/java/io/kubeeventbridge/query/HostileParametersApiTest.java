package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** What an attacker or a careless script may send as list parameters and headers: a 4xx Status or a list, never 5xx. */
class HostileParametersApiTest {

    private static final String PODS = "/k8s/api/v1/pods";

    private static final String[] OTHER_ACCEPT_HEADERS = {
        "bad//type", "application/yaml", "text/html", "*/*;q=x", "\"application/json", "\"a\"/b"
    };

    private final MockMvcTester mvc = new QueryApiFixture().mvc;

    static Stream<Arguments> badParameters() {
        return Stream.of(
                arguments("limit", "1e3", "limit \"1e3\" is invalid"),
                arguments("limit", "-1", "limit \"-1\" is invalid"),
                arguments("limit", " 5", "limit \" 5\" is invalid"),
                arguments("limit", "\u0663", "limit \"\u0663\" is invalid"), // an Arabic-Indic 3
                arguments("limit", "9223372036854775808", "limit \"9223372036854775808\" is invalid"),
                arguments("limit", "0x10", "limit \"0x10\" is invalid"),
                arguments("labelSelector", ",,", "unable to parse labelSelector: unexpected \",\" at position 0"),
                arguments("labelSelector", "\0", "unable to parse labelSelector: label key \"\\u0000\""),
                arguments("labelSelector", "a".repeat(10_000), "unable to parse labelSelector: label key"),
                arguments("labelSelector", "app in (web", "unable to parse labelSelector: unexpected end of input"),
                arguments("labelSelector", "app=\u00e9", "unable to parse labelSelector: label value \"\u00e9\""),
                arguments("fieldSelector", ".=x", "unable to parse fieldSelector: field name \".\""),
                arguments("fieldSelector", "=", "unable to parse fieldSelector: term \"=\""),
                arguments("fieldSelector", "a=b=c", "unable to parse fieldSelector: unescaped \"=\""),
                arguments("continue", "%%%", "continue token \"%%%\" is malformed"),
                arguments("continue", "AAAA", "continue token \"AAAA\" is malformed"),
                arguments("continue", "\u00e9\0", "continue token \"\u00e9\0\" is malformed"),
                arguments("continue", base64("k1\nshop\n"), "continue token"),
                arguments("continue", base64("k2\nshop\nweb-1"), "continue token"),
                arguments("continue", base64("k1\nshop\nweb-1\nmore"), "continue token"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource
    void badParameters(String parameter, String value, String message) {
        assertThat(mvc.get().uri(PODS).param(parameter, value))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.kind").isEqualTo("Status");
                    assertThat(json).extractingPath("$.reason").isEqualTo("BadRequest");
                    assertThat(json).extractingPath("$.message").asString().startsWith(message);
                });
    }

    @ParameterizedTest(name = "limit={0} -> {1} items")
    @CsvSource({"+2, 2", "5000000000, 5", "9223372036854775807, 5", "'', 5", "0, 5"})
    void limitTakesAnyNonNegative64BitInteger(String limit, int items) {
        assertThat(mvc.get().uri(PODS).param("limit", limit))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items")
                .asArray()
                .hasSize(items);
    }

    @ParameterizedTest(name = "watch={0}")
    @CsvSource(value = {"true", "1", "TRUE", "yes", "''"})
    void watchIsAWatchForEveryValueTheApiServerReadsAsTrue(String watch) {
        // A watch from a version the feed does not hold is 410 Expired before any stream starts; a list ignores it.
        assertThat(mvc.get().uri(PODS).param("watch", watch).param("resourceVersion", "not-a-version"))
                .hasStatus(HttpStatus.GONE)
                .bodyJson()
                .extractingPath("$.reason")
                .isEqualTo("Expired");
    }

    @ParameterizedTest(name = "watch={0}")
    @CsvSource({"false", "FALSE", "0"})
    void watchFalseIsAList(String watch) {
        assertThat(mvc.get().uri(PODS).param("watch", watch))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.kind")
                .isEqualTo("PodList");
    }

    @Test
    void repeatedParameterCountsWithItsFirstValueAsForTheApiServer() {
        assertThat(mvc.get().uri(PODS).param("labelSelector", "app=api", "!!!").param("limit", "1", "x"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].metadata.name")
                .asArray()
                .containsExactly("api-1");
    }

    @ParameterizedTest(name = "fieldSelector={0}")
    @CsvSource(value = {"',,'", "'metadata.name=\0'", "'spec.nodeName=\u00e9'", "'status.phase!=\u202e'"})
    void oddButValidFieldSelectorsAreLists(String selector) {
        assertThat(mvc.get().uri(PODS).param("fieldSelector", selector)).hasStatusOk();
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json;as=Table;v=\"v1",
                "Table/",
                "application/json;as=Table;g=meta.k8s.io;v=v1,;;",
                "application/json;as=Table;v=v1;g=meta.k8s.io, text/html;q=x",
                "as=Table",
                "\"as=Table/json",
            })
    void acceptHeaderThatMentionsATableButDoesNotParseIsBadRequest(String accept) {
        for (String uri : new String[] {PODS, "/k8s/api/v1/namespaces/shop/pods/web-1"}) {
            assertThat(mvc.get().uri(uri).header(HttpHeaders.ACCEPT, accept))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson()
                    .extractingPath("$.message")
                    .asString()
                    .startsWith("the Accept header is malformed");
        }
    }

    @Test
    void acceptHeaderThatDoesNotParseOrAsksForOtherTypesStillGetsJson() {
        for (String accept : OTHER_ACCEPT_HEADERS) {
            MvcTestResult result =
                    mvc.get().uri(PODS).header(HttpHeaders.ACCEPT, accept).exchange();
            assertThat(result).hasStatusOk().bodyJson().extractingPath("$.kind").isEqualTo("PodList");
        }
    }

    /** Spring reads Accept to pick an exception handler; 7.0.8 failed on a quoted type there, with a 500. */
    @Test
    void errorIsAStatusWhateverTheAcceptHeader() {
        for (String accept : OTHER_ACCEPT_HEADERS) {
            assertThat(mvc.get().uri(PODS).param("labelSelector", "app in (web").header(HttpHeaders.ACCEPT, accept))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson()
                    .extractingPath("$.kind")
                    .isEqualTo("Status");
        }
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
