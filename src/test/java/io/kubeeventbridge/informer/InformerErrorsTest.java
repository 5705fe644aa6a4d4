package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.WatcherException;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.InformerError.Reason;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Errors as fabric8 hands them to an informer's exception handler, and what health shows of them. */
class InformerErrorsTest {

    private static final InformerTarget SECRETS_IN_SHOP =
            new InformerTarget(new ResourceType("", "v1", "secrets", "Secret", true), "shop", null, null);
    private static final String LIST = "http://api:6443/api/v1/namespaces/shop/secrets?resourceVersion=0";
    private static final String WATCH = "http://api:6443/api/v1/namespaces/shop/secrets?allowWatchBookmarks=true"
            + "&resourceVersion=7&timeoutSeconds=600&watch=true";
    private static final String RAW_EVENT =
            "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Secret\",\"data\":{\"password\":\"aHVudGVyMg==\"}}}";

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(
                        "a forbidden list names the verb and the resource",
                        wrapped(failure(LIST, 403, "secrets is forbidden: User \"bridge\" cannot list resource")),
                        new InformerError(Reason.FORBIDDEN, 403, "cannot list v1/secrets in shop")),
                Arguments.of(
                        "a forbidden watch, refused on the websocket, names the verb and the resource",
                        wrapped(new KubernetesClientException(
                                "Received 403 on websocket. Failure executing: GET at: " + WATCH
                                        + ". Message: Forbidden.",
                                403,
                                status(403, "Forbidden"))),
                        new InformerError(Reason.FORBIDDEN, 403, "cannot watch v1/secrets in shop")),
                Arguments.of(
                        "a resource the API server does not serve is missing",
                        wrapped(failure(LIST, 404, "the server could not find the requested resource")),
                        new InformerError(Reason.MISSING, 404, "v1/secrets is not served by the API server")),
                Arguments.of(
                        "another HTTP status is kept with the message",
                        failure(LIST, 503, "overloaded"),
                        new InformerError(
                                Reason.FAILED, 503, "Failure executing: GET at: " + LIST + ". Message: overloaded.")),
                Arguments.of(
                        "no answer at all has no HTTP status",
                        new KubernetesClientException("Connection refused", new ConnectException("refused")),
                        new InformerError(Reason.FAILED, 0, "Connection refused")),
                Arguments.of(
                        "a watch event fabric8 cannot parse is left out: it may be a Secret",
                        new WatcherException(
                                "Couldn't deserialize watch event: " + RAW_EVENT,
                                new IllegalStateException(),
                                RAW_EVENT),
                        new InformerError(Reason.FAILED, 0, "Couldn't deserialize watch event: <watch event omitted>")),
                Arguments.of(
                        "a wrapped watch event is left out too",
                        new KubernetesClientException(
                                "wrapped: " + RAW_EVENT,
                                new WatcherException("Couldn't deserialize watch event", null, RAW_EVENT)),
                        new InformerError(Reason.FAILED, 0, "wrapped: <watch event omitted>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void classifiesWhatFabric8Reports(String behaviour, Throwable error, InformerError expected) {
        assertThat(InformerErrors.classify(error, SECRETS_IN_SHOP)).isEqualTo(expected);
    }

    /** As fabric8 reports a failed request. */
    private static KubernetesClientException failure(String url, int code, String message) {
        return new KubernetesClientException(
                "Failure executing: GET at: " + url + ". Message: " + message + ".", code, status(code, message));
    }

    /** As fabric8 hands a failed list or watch start to the exception handler. */
    private static CompletionException wrapped(KubernetesClientException failure) {
        return new CompletionException(failure);
    }

    private static Status status(int code, String message) {
        return new StatusBuilder().withCode(code).withMessage(message).build();
    }
}
