package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.InformerSettings.MissingResourcePolicy;
import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.config.TestProperties;
import io.kubeeventbridge.discovery.DiscoveryAccessException;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.WatchedEntry.State;
import io.kubeeventbridge.support.MockKubernetes;
import io.kubeeventbridge.support.SilentApiServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class WatchCoordinatorTest {

    // fabric8 alone would wait 10 s for a silent API server, then retry.
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private static final ResourceType PODS_TYPE = new ResourceType("", "v1", "pods", "Pod", true);
    private static final ResourceProperties PODS =
            TestProperties.entry("api-version=v1", "resource=pods", "namespaces=coordinator-test");
    private static final ResourceProperties NOT_INSTALLED =
            TestProperties.entry("api-version=nowhere.example.com/v1", "kind=Phantom");

    private final InformerFactory registry = TestCompression.informers(MockKubernetes.client());
    private WatchCoordinator coordinator;

    // The mock API server's first answers in a JVM can take seconds; the tests bounding discovery must not pay for
    // them.
    @BeforeAll
    static void warmUp() {
        MockKubernetes.client().getApiResources("v1");
    }

    @AfterEach
    void stopInformers() {
        registry.close();
    }

    @Test
    void failPolicyStopsStartupNamingEachMissingEntryBeforeAnyInformerStarts() {
        coordinator = coordinator(MissingResourcePolicy.FAIL, PODS, NOT_INSTALLED);

        UnwatchableResourcesException failure = assertThatExceptionOfType(UnwatchableResourcesException.class)
                .isThrownBy(coordinator::start)
                .actual();

        FailureAnalysis analysis = new UnwatchableResourcesFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription())
                .contains("bridge.resources[1] (nowhere.example.com/v1, kind Phantom) is not served by the API server");
        assertThat(analysis.getAction()).contains("bridge.informer.missing-resource=wait");
        assertThat(registry.statuses()).isEmpty();
    }

    @Test
    void entriesResolvingToTheSameTypeStopStartup() {
        ResourceProperties podsByKind =
                TestProperties.entry("api-version=v1", "kind=Pod", "namespaces=coordinator-test");
        coordinator = coordinator(MissingResourcePolicy.WAIT, PODS, podsByKind);

        UnwatchableResourcesException failure = assertThatExceptionOfType(UnwatchableResourcesException.class)
                .isThrownBy(coordinator::start)
                .actual();

        assertThat(new UnwatchableResourcesFailureAnalyzer().analyze(failure).getDescription())
                .contains("bridge.resources[1] (v1, kind Pod) watches v1/pods like bridge.resources[0]");
        assertThat(registry.statuses()).isEmpty();
    }

    @Test
    void anEntryWhoseResourceAndKindDisagreeStopsStartupUnderEitherPolicy() {
        ResourceProperties podsOfKindService =
                TestProperties.entry("api-version=v1", "resource=pods", "kind=Service", "namespaces=coordinator-test");
        coordinator = coordinator(MissingResourcePolicy.WAIT, podsOfKindService);

        UnwatchableResourcesException failure = assertThatExceptionOfType(UnwatchableResourcesException.class)
                .isThrownBy(coordinator::start)
                .actual();

        assertThat(new UnwatchableResourcesFailureAnalyzer().analyze(failure).getDescription())
                .contains("bridge.resources[0] (v1/pods) names resource pods and kind Service, but the objects of "
                        + "v1/pods are of kind Pod");
        assertThat(registry.statuses()).isEmpty();
    }

    @Test
    void waitPolicyWatchesTheRestAndReportsTheMissingEntry() {
        coordinator = coordinator(MissingResourcePolicy.WAIT, PODS, NOT_INSTALLED);

        coordinator.start();

        assertThat(coordinator.entries())
                .extracting(WatchedEntry::property, WatchedEntry::state, WatchedEntry::type)
                .containsExactly(
                        tuple("bridge.resources[0]", State.WATCHED, PODS_TYPE),
                        tuple("bridge.resources[1]", State.MISSING, null));
        assertThat(registry.statuses())
                .singleElement()
                .satisfies(status -> assertThat(status.target().namespace()).isEqualTo("coordinator-test"));
        coordinator.stop();
        assertThat(coordinator.isRunning()).isFalse();
    }

    @Test
    void startsAgainAfterAStop() {
        coordinator = coordinator(MissingResourcePolicy.WAIT, PODS);
        coordinator.start();
        coordinator.stop();

        coordinator.start();

        assertThat(coordinator.entries()).extracting(WatchedEntry::state).containsExactly(State.WATCHED);
        assertThat(registry.statuses())
                .singleElement()
                .satisfies(status -> assertThat(status.running()).isTrue());
    }

    @Test
    void failPolicyGivesUpOnASilentApiServerAtTheDiscoveryTimeoutNamingItAndTheLastError() throws Exception {
        try (SilentApiServer server = new SilentApiServer();
                KubernetesClient client = server.client()) {
            coordinator = coordinator(client, MissingResourcePolicy.FAIL, "1s", PODS);
            long start = System.nanoTime();

            UnwatchableResourcesException failure = assertThatExceptionOfType(UnwatchableResourcesException.class)
                    .isThrownBy(coordinator::start)
                    .actual();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
            FailureAnalysis analysis = new UnwatchableResourcesFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription())
                    .contains("Discovery did not finish within bridge.informer.discovery-timeout (1s)")
                    .contains("The API server at " + server.url() + " last answered: GET " + server.url()
                            + "/api/v1: no answer within")
                    .contains("bridge.resources[0] (v1/pods) was not resolved");
            assertThat(analysis.getAction()).contains("bridge.informer.missing-resource=wait");
            assertThat(registry.statuses()).isEmpty();
        }
    }

    @Test
    void waitPolicyStartsAtTheDiscoveryTimeoutReportingWhatDidNotResolve() throws Exception {
        try (SilentApiServer server = new SilentApiServer();
                KubernetesClient client = server.client()) {
            coordinator = coordinator(client, MissingResourcePolicy.WAIT, "1s", PODS);
            long start = System.nanoTime();

            coordinator.start();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
            assertThat(coordinator.entries()).singleElement().satisfies(entry -> {
                assertThat(entry.state()).isEqualTo(State.MISSING);
                assertThat(entry.problem())
                        .startsWith("not resolved: discovery failed (no answer within 1s (last error: GET "
                                + server.url() + "/api/v1: no answer within");
            });
            coordinator.stop();
        }
    }

    @Test
    void waitPolicyStartsWithWhatResolvedAndWatchesTheRestOnceDiscoveryAnswers() {
        MockKubernetes.installCrd("slow.example.com", "v1", "Sloth");
        MockKubernetes.gates().close("/apis/slow.example.com");
        try {
            coordinator = coordinator(
                    MockKubernetes.client(),
                    MissingResourcePolicy.WAIT,
                    "5s",
                    PODS,
                    TestProperties.entry("api-version=slow.example.com/v1", "kind=Sloth"));

            coordinator.start();

            assertThat(coordinator.entries())
                    .extracting(WatchedEntry::state)
                    .containsExactly(State.WATCHED, State.MISSING);
            assertThat(coordinator.entries().get(1).problem()).contains("503 ServiceUnavailable");
            MockKubernetes.gates().open("/apis/slow.example.com");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(coordinator.entries())
                            .extracting(WatchedEntry::state)
                            .containsExactly(State.WATCHED, State.WATCHED));
        } finally {
            MockKubernetes.gates().open("/apis/slow.example.com");
        }
    }

    @Test
    void aRefusedDiscoveryStopsStartupEvenUnderTheWaitPolicy() {
        MockKubernetes.gates().forbid("/apis/refused.example.com", "list");
        try {
            coordinator = coordinator(
                    MissingResourcePolicy.WAIT,
                    TestProperties.entry("api-version=refused.example.com/v1", "kind=Secret"));

            assertThatExceptionOfType(DiscoveryAccessException.class)
                    .isThrownBy(coordinator::start)
                    .withMessageContaining("403");
            assertThat(registry.statuses()).isEmpty();
        } finally {
            MockKubernetes.gates().permit("/apis/refused.example.com");
        }
    }

    private WatchCoordinator coordinator(MissingResourcePolicy policy, ResourceProperties... entries) {
        return coordinator(MockKubernetes.client(), policy, "30s", entries);
    }

    /** A coordinator resolving through {@code client}, giving discovery {@code timeout} at startup. */
    private WatchCoordinator coordinator(
            KubernetesClient client, MissingResourcePolicy policy, String timeout, ResourceProperties... entries) {
        BridgeProperties properties = TestProperties.withResources(
                TestProperties.bind(
                        "bridge.informer.missing-resource=" + policy,
                        "bridge.informer.discovery-timeout=" + timeout,
                        "bridge.informer.discovery-retry-interval=200ms"),
                List.of(entries));
        return Coordinators.create(client, registry, properties, (entry, type) -> (operation, object, json) -> {});
    }
}
