package io.kubeeventbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.InformerSettings;
import io.kubeeventbridge.config.InformerSettings.MissingResourcePolicy;
import io.kubeeventbridge.config.KafkaLayout;
import io.kubeeventbridge.config.KafkaLayout.ContentMode;
import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.discovery.ResourceResolver;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.SharedInformers;
import io.kubeeventbridge.support.MockKubernetes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class WatchCoordinatorTest {

    private static final ResourceProperties NOT_INSTALLED =
            new ResourceProperties("nowhere.example.com/v1", null, "Phantom", null, null, null, null);
    private static final ResourceProperties PODS =
            new ResourceProperties("v1", "pods", null, List.of("coordinator-test"), null, null, null);

    private WatchCoordinator coordinator;

    @AfterEach
    void stop() {
        coordinator.stop();
    }

    @Test
    void failPolicyStopsStartupNamingEachMissingEntry() {
        coordinator = coordinator(MissingResourcePolicy.FAIL, PODS, NOT_INSTALLED);

        MissingResourcesException failure = assertThatExceptionOfType(MissingResourcesException.class)
                .isThrownBy(coordinator::start)
                .actual();

        FailureAnalysis analysis = new MissingResourcesFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription())
                .contains("bridge.resources[1] (nowhere.example.com/v1, kind Phantom) is not served by the API server");
        assertThat(analysis.getAction()).contains("bridge.informer.missing-resource=wait");
    }

    @Test
    void waitPolicyStartsTheRestAndReportsTheMissingEntry() {
        coordinator = coordinator(MissingResourcePolicy.WAIT, PODS, NOT_INSTALLED);

        coordinator.start();

        assertThat(coordinator.entries())
                .extracting(WatchedEntry::property, WatchedEntry::isWatched, WatchedEntry::isMissing)
                .containsExactly(tuple("bridge.resources[0]", true, false), tuple("bridge.resources[1]", false, true));
        assertThat(coordinator.entries().get(0).type()).isEqualTo(new ResourceType("", "v1", "pods", "Pod", true));
    }

    private static WatchCoordinator coordinator(MissingResourcePolicy policy, ResourceProperties... entries) {
        BridgeProperties properties = new BridgeProperties(
                "test",
                List.of(entries),
                new KafkaLayout("k8s.{group}.{kind}", ContentMode.BINARY, true),
                new InformerSettings(policy, Duration.ofSeconds(60), Duration.ZERO));
        return new WatchCoordinator(
                properties,
                new ResourceResolver(MockKubernetes.client()),
                new SharedInformers(MockKubernetes.client(), Duration.ZERO),
                (entry, type) -> (operation, object) -> {});
    }
}
