package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.InformerSettings.MissingResourcePolicy;
import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.config.TestProperties;
import io.kubeeventbridge.config.WatchWindow;
import io.kubeeventbridge.discovery.ResourceAliases;
import io.kubeeventbridge.discovery.ResourceResolver;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.WatchedEntry.State;
import io.kubeeventbridge.support.MockKubernetes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class WatchCoordinatorTest {

    private static final ResourceType PODS_TYPE = new ResourceType("", "v1", "pods", "Pod", true);
    private static final ResourceProperties PODS =
            TestProperties.entry("api-version=v1", "resource=pods", "namespaces=coordinator-test");
    private static final ResourceProperties NOT_INSTALLED =
            TestProperties.entry("api-version=nowhere.example.com/v1", "kind=Phantom");

    private final InformerRegistry registry = new InformerRegistry(
            MockKubernetes.client(), Duration.ZERO, new ChangeFeeds(new WatchWindow(100, Duration.ofMinutes(5))));
    private WatchCoordinator coordinator;

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
        assertThat(registry.statuses(PODS_TYPE)).isEmpty();
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
        assertThat(registry.statuses(PODS_TYPE)).isEmpty();
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
        assertThat(registry.statuses(PODS_TYPE)).isEmpty();
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
        assertThat(registry.statuses(PODS_TYPE))
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
        assertThat(registry.statuses(PODS_TYPE))
                .singleElement()
                .satisfies(status -> assertThat(status.running()).isTrue());
    }

    private WatchCoordinator coordinator(MissingResourcePolicy policy, ResourceProperties... entries) {
        BridgeProperties properties = TestProperties.withResources(
                TestProperties.bind(
                        "bridge.informer.missing-resource=" + policy, "bridge.informer.discovery-retry-interval=60s"),
                List.of(entries));
        return new WatchCoordinator(
                properties,
                new ResourceResolver(MockKubernetes.client(), new ResourceAliases()),
                registry,
                (entry, type) -> (operation, object, json) -> {},
                (entry, type) -> ObjectFilter.NONE);
    }
}
