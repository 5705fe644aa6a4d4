package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.selector.FieldSelector;
import io.kubeeventbridge.selector.LabelSelector;
import io.kubeeventbridge.selector.SelectorSyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzing of everything a list request carries (label and field selector, continue token, limit, watch, Accept): each
 * parser answers or rejects the input the way it documents, and the API answers 2xx or a 4xx Status, never 5xx, never
 * after a hang. Each test checks {@link #TRIES} inputs from {@link FuzzInputs} with a fixed seed, the same every run;
 * a failure names the seed, the try and the input.
 */
class QueryInputFuzzTest {

    private static final long SEED = 16;
    private static final int TRIES = 1000;

    /** Far above any honest parse or list of the fixture's objects; a try beyond it is a hang. */
    private static final Duration BOUND = Duration.ofSeconds(2);

    // A fresh thread per try, as assertTimeoutPreemptively makes, costs more than most tries.
    private static final ExecutorService TRY_THREADS = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "fuzz-try");
        thread.setDaemon(true);
        return thread;
    });

    private final QueryApiFixture fixture = new QueryApiFixture();

    @Test
    void labelSelectorParsesToACanonicalFormOrFailsWithItsPosition() {
        fuzz(FuzzInputs::labelSelector, text -> {
            if (parseOrSyntaxError(() -> LabelSelector.parse(text), text) instanceof LabelSelector selector) {
                assertThat(LabelSelector.parse(selector.toString())).isEqualTo(selector);
            }
        });
    }

    @Test
    void fieldSelectorParsesToACanonicalFormOrFailsWithItsPosition() {
        fuzz(FuzzInputs::fieldSelector, text -> {
            if (parseOrSyntaxError(() -> FieldSelector.parse(text), text) instanceof FieldSelector selector) {
                assertThat(FieldSelector.parse(selector.toString())).isEqualTo(selector);
            }
        });
    }

    @Test
    void continueTokenIsAKeyOrABadRequest() {
        fuzz(FuzzInputs::continueToken, token -> answerOrClientError(() -> ContinueToken.parse(token)));
    }

    @Test
    void continueTokenRoundTripsEveryKey() {
        fuzz(
                inputs -> new ObjectKey(inputs.name(), "n" + inputs.name()),
                key -> assertThat(ContinueToken.parse(ContinueToken.after(key))).isEqualTo(key));
    }

    @Test
    void acceptHeaderWantsATableOrNotOrIsABadRequest() {
        fuzz(
                inputs -> inputs.orNull(FuzzInputs::acceptHeader),
                accept -> answerOrClientError(() -> TableRenderer.wanted(accept)));
    }

    @Test
    void listParametersParseOrAreAClientError() {
        fuzz(
                inputs -> {
                    Map<String, String> parameters = new LinkedHashMap<>();
                    parameters.put("limit", inputs.orNull(FuzzInputs::limit));
                    parameters.put("watch", inputs.orNull(FuzzInputs::watch));
                    parameters.put("labelSelector", inputs.orNull(FuzzInputs::labelSelector));
                    parameters.values().removeIf(value -> value == null);
                    return parameters;
                },
                parameters -> answerOrClientError(() -> ListOptions.parse(parameters)));
    }

    @Test
    void listAnswersAListOrAClientErrorStatus() {
        fuzz(
                inputs -> {
                    Map<String, String> request = new LinkedHashMap<>();
                    request.put("labelSelector", inputs.orNull(FuzzInputs::labelSelector));
                    request.put("fieldSelector", inputs.orNull(FuzzInputs::fieldSelector));
                    request.put("limit", inputs.orNull(FuzzInputs::limit));
                    request.put("continue", inputs.orNull(FuzzInputs::continueToken));
                    request.put("watch", inputs.orNull(FuzzInputs::watch));
                    request.put(HttpHeaders.ACCEPT, inputs.orNull(FuzzInputs::acceptHeader));
                    request.values().removeIf(value -> value == null);
                    if (BooleanParameter.isTrue(request.get("watch"))) {
                        // A watch that starts streams until it times out; from a version the feed does not hold, it
                        // is refused (410 Expired) after every parameter was read, as a list's are.
                        request.put("resourceVersion", "not-a-version");
                    }
                    return request;
                },
                this::listAnswersAListOrAClientErrorStatus);
    }

    private void listAnswersAListOrAClientErrorStatus(Map<String, String> parametersAndAccept) {
        MockMvcRequestBuilder request = fixture.mvc.get().uri("/k8s/api/v1/namespaces/shop/pods");
        parametersAndAccept.forEach((name, value) -> {
            if (name.equals(HttpHeaders.ACCEPT)) {
                request.header(name, value);
            } else {
                request.param(name, value);
            }
        });

        MvcTestResult result = request.exchange();

        assertThat(result.getUnresolvedException()).isNull();
        int status = result.getResponse().getStatus();
        assertThat(status)
                .satisfiesAnyOf(
                        code -> assertThat(code).isBetween(200, 299),
                        code -> assertThat(code).isBetween(400, 499));
        JsonNode body = JsonMapper.shared().readTree(result.getResponse().getContentAsByteArray());
        if (status >= 400) {
            assertThat(body.at("/kind").asString()).isEqualTo("Status");
            assertThat(body.at("/code").asInt()).isEqualTo(status);
        } else {
            assertThat(body.at("/kind").asString()).isIn("PodList", "Table");
        }
    }

    /** Checks {@link #TRIES} inputs, each within {@link #BOUND}. */
    private static <T> void fuzz(Function<FuzzInputs, T> input, Consumer<T> check) {
        FuzzInputs inputs = new FuzzInputs(SEED);
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            T value = input.apply(inputs);
            Future<?> done = TRY_THREADS.submit(() -> check.accept(value));
            String which = "seed " + SEED + ", try " + attempt + ", input "
                    + JsonMapper.shared().writeValueAsString(value);
            try {
                done.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException hung) {
                done.cancel(true);
                throw new AssertionError("no answer within " + BOUND + " for " + which, hung);
            } catch (ExecutionException failed) {
                throw new AssertionError(which, failed.getCause());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(which, interrupted);
            }
        }
    }

    /** A parser's documented outcomes: a value, or a SelectorSyntaxException naming the input and a position in it. */
    private static Object parseOrSyntaxError(Supplier<?> parse, String text) {
        try {
            return parse.get();
        } catch (SelectorSyntaxException syntax) {
            assertThat(syntax.input()).isEqualTo(text);
            assertThat(syntax.position()).isBetween(0, text.length());
            return syntax;
        }
    }

    /** The query code's documented outcomes: a value, or a StatusException carrying a 4xx Status. */
    private static void answerOrClientError(Supplier<?> parse) {
        try {
            parse.get();
        } catch (StatusException status) {
            assertThat(status.response().getStatusCode().is4xxClientError()).isTrue();
        }
    }
}
