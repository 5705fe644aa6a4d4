package io.kubeeventbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubeeventbridge.support.MockKubernetes;
import io.kubeeventbridge.support.SilentApiServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Each discovery request ends within its time limit, with the API server's own answer, and is never retried. */
class DiscoveryRequestsTest {

    // fabric8 alone would wait 10 s for a silent server and retry a failing one for about 20 s.
    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    private static final String SERVER = MockKubernetes.url().replaceFirst("/$", "");

    @Test
    void anApiServerThatNeverAnswersIsGivenUpOnAtTheTimeLimit() throws Exception {
        try (SilentApiServer server = new SilentApiServer();
                KubernetesClient client = server.client();
                DiscoveryRequests discovery = new DiscoveryRequests(client)) {
            long start = System.nanoTime();

            assertThatExceptionOfType(DiscoveryUnavailableException.class)
                    .isThrownBy(() -> discovery.resources("example.com/v1", Duration.ofMillis(500)))
                    .withMessage("GET " + server.url() + "/apis/example.com/v1: no answer within 0.5s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
        }
    }

    @Test
    void aFailingApiServerIsReportedAtOnceWithItsStatus() {
        MockKubernetes.gates().close("/apis/failing.example.com");
        try (DiscoveryRequests discovery = new DiscoveryRequests(MockKubernetes.client())) {
            long start = System.nanoTime();

            assertThatExceptionOfType(DiscoveryUnavailableException.class)
                    .isThrownBy(() -> discovery.resources("failing.example.com/v1", Duration.ofSeconds(30)))
                    .withMessage("GET " + SERVER + "/apis/failing.example.com/v1: "
                            + "503 ServiceUnavailable: gate closed by the test");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
        } finally {
            MockKubernetes.gates().open("/apis/failing.example.com");
        }
    }

    @Test
    void aGroupVersionNotServedIsNoAnswerAtAll() {
        try (DiscoveryRequests discovery = new DiscoveryRequests(MockKubernetes.client())) {
            MockKubernetes.gates().hide("/apis/unserved.example.com");

            assertThat(discovery.resources("unserved.example.com/v1", Duration.ofSeconds(5)))
                    .isNull();
        }
    }

    @Test
    void aRefusalNamesTheServiceAccountAndThePermissionItLacks() {
        MockKubernetes.gates().forbid("/apis/refused.example.com", "list");
        try (KubernetesClient client = clientOf("system:serviceaccount:bridge-ns:bridge-sa");
                DiscoveryRequests discovery = new DiscoveryRequests(client)) {

            DiscoveryAccessException refusal = assertThatExceptionOfType(DiscoveryAccessException.class)
                    .isThrownBy(() -> discovery.resources("refused.example.com/v1", Duration.ofSeconds(5)))
                    .actual();

            FailureAnalysis analysis = new DiscoveryAccessFailureAnalyzer().analyze(refusal);
            assertThat(analysis.getDescription())
                    .startsWith("The API server at " + SERVER + " forbids service account "
                            + "bridge-ns/bridge-sa to read discovery (403 Forbidden on GET "
                            + "/apis/refused.example.com/v1): it lacks get on the non-resource URL "
                            + "/apis/refused.example.com/v1.");
            assertThat(analysis.getAction())
                    .contains("get on the nonResourceURLs /api, /api/*, /apis and /apis/*")
                    .contains("system:discovery");
        } finally {
            MockKubernetes.gates().permit("/apis/refused.example.com");
        }
    }

    @Test
    void unacceptedCredentialsAreNamedWithTheirServiceAccount() {
        DiscoveryAccessException refusal = new DiscoveryAccessException(
                "https://10.0.0.1:443", "/api/v1", 401, "401 Unauthorized: Unauthorized", "service account a/b");

        FailureAnalysis analysis = new DiscoveryAccessFailureAnalyzer().analyze(refusal);

        assertThat(analysis.getDescription())
                .isEqualTo("The API server at https://10.0.0.1:443 does not accept the credentials of service "
                        + "account a/b (401 Unauthorized on GET /api/v1).");
    }

    /** A client of the mock API server presenting a service account token whose subject is {@code subject}. */
    static KubernetesClient clientOf(String subject) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String token = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"sub\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8))
                + ".signature";
        return new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(MockKubernetes.client().getConfiguration())
                        .withOauthToken(token)
                        .build())
                .build();
    }
}
