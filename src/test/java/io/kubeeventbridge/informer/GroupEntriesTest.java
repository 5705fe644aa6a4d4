package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.InformerSettings.MissingResourcePolicy;
import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.config.TestProperties;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.WatchedEntry.State;
import io.kubeeventbridge.support.MockKubernetes;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group entries on the mock API server: each test has a group of its own, with CRDs installed as it needs. */
class GroupEntriesTest {

    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    private final String group = "g" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    private final InformerFactory registry = TestCompression.informers(MockKubernetes.client());
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private WatchCoordinator coordinator;

    @AfterEach
    void stop() {
        if (coordinator != null) {
            coordinator.stop();
        }
        registry.close();
    }

    @Test
    void watchesEveryResourceOfItsGroupInEachOfItsNamespaces() {
        MockKubernetes.installCrd(group, "v1", "Truck");
        MockKubernetes.installCrd(group, "v1", "Van");
        coordinator = coordinator(
                MissingResourcePolicy.FAIL, TestProperties.entry("api-version=" + group + "/*", "namespaces=a,b"));

        coordinator.start();

        assertThat(coordinator.groups()).singleElement().satisfies(watched -> {
            assertThat(watched.state()).isEqualTo(State.WATCHED);
            assertThat(watched.version()).isEqualTo("v1");
            assertThat(watched.resources())
                    .extracting(ResourceType::plural)
                    .containsExactlyInAnyOrder("trucks", "vans");
        });
        assertThat(registry.statuses())
                .extracting(
                        status -> status.target().type().plural(),
                        status -> status.target().namespace())
                .containsExactlyInAnyOrder(
                        tuple("trucks", "a"), tuple("trucks", "b"), tuple("vans", "a"), tuple("vans", "b"));
    }

    @Test
    void leavesAResourceAnotherEntryNamesToThatEntry() {
        MockKubernetes.installCrd(group, "v1", "Truck");
        MockKubernetes.installCrd(group, "v1", "Van");
        coordinator = coordinator(
                MissingResourcePolicy.FAIL,
                TestProperties.entry("api-version=" + group + "/*"),
                TestProperties.entry("api-version=" + group + "/v1", "kind=Truck", "namespaces=only-here"));

        coordinator.start();

        assertThat(coordinator.groups()).singleElement().satisfies(watched -> {
            assertThat(watched.resources()).extracting(ResourceType::plural).containsExactly("vans");
            assertThat(watched.skipped()).containsEntry("trucks", "watched by bridge.resources[1]");
        });
        assertThat(registry.statuses())
                .extracting(
                        status -> status.target().type().plural(),
                        status -> status.target().namespace())
                .containsExactlyInAnyOrder(tuple("vans", null), tuple("trucks", "only-here"));
    }

    @Test
    void watchesACrdInstalledLaterAndDropsOneRemovedWithoutPublishingDeletes() {
        MockKubernetes.installCrd(group, "v1", "Truck");
        coordinator = coordinator(MissingResourcePolicy.FAIL, TestProperties.entry("api-version=" + group + "/*"));
        coordinator.start();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(coordinator.groupTracking()).isEqualTo("watching customresourcedefinitions"));

        MockKubernetes.installCrd(group, "v1", "Tram");
        // Synced, not only registered: a tram made before the informer's first list would arrive as a snapshot.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> registry.find(group, "v1", "trams")
                        .map(ResourceCache::synced)
                        .orElse(false));
        MockKubernetes.customObjects(group, "v1", "Tram")
                .inNamespace("depot")
                .resource(MockKubernetes.customObject(group, "v1", "Tram", "tram-1"))
                .create();
        await().atMost(Duration.ofSeconds(30)).until(() -> changes.contains("trams created depot/tram-1"));

        MockKubernetes.removeCrd(group, "Tram");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(registry.find(group, "v1", "trams")).isEmpty();
            assertThat(registry.statuses())
                    .extracting(status -> status.target().type().plural())
                    .containsExactly("trucks");
            assertThat(coordinator.groups().get(0).resources())
                    .extracting(ResourceType::plural)
                    .containsExactly("trucks");
        });
        assertThat(changes).contains("trams stopped").noneMatch(change -> change.contains("deleted"));
    }

    @Test
    void withoutPermissionToListCrdsAGroupEntryPollsDiscoveryAndSaysSo() {
        MockKubernetes.gates().forbid(CRDS, "list");
        try {
            MockKubernetes.installCrd(group, "v1", "Truck");
            coordinator = coordinator(MissingResourcePolicy.FAIL, TestProperties.entry("api-version=" + group + "/*"));
            coordinator.start();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(coordinator.groupTracking())
                                    .isEqualTo(
                                            "polling discovery (cannot list apiextensions.k8s.io/v1/customresourcedefinitions)"));

            MockKubernetes.installCrd(group, "v1", "Tram");

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() ->
                            assertThat(registry.find(group, "v1", "trams")).isPresent());
        } finally {
            MockKubernetes.gates().permit(CRDS);
        }
    }

    @Test
    void aGroupNotServedStopsStartupUnderTheFailPolicy() {
        coordinator = coordinator(MissingResourcePolicy.FAIL, TestProperties.entry("api-version=" + group + "/*"));

        UnwatchableResourcesException failure = assertThatExceptionOfType(UnwatchableResourcesException.class)
                .isThrownBy(coordinator::start)
                .actual();

        assertThat(failure.problems())
                .containsExactly("bridge.resources[0] (" + group + "/*) is " + WatchedEntry.NOT_SERVED);
        assertThat(registry.statuses()).isEmpty();
    }

    @Test
    void aGroupNotServedIsWatchedOnceItIsUnderTheWaitPolicy() {
        coordinator = coordinator(MissingResourcePolicy.WAIT, TestProperties.entry("api-version=" + group + "/*"));
        coordinator.start();
        assertThat(coordinator.groups())
                .extracting(WatchedGroup::state, WatchedGroup::problem)
                .containsExactly(tuple(State.MISSING, WatchedEntry.NOT_SERVED));

        MockKubernetes.installCrd(group, "v1", "Truck");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(coordinator.groups().get(0).resources())
                        .extracting(ResourceType::plural)
                        .containsExactly("trucks"));
    }

    private WatchCoordinator coordinator(MissingResourcePolicy policy, ResourceProperties... entries) {
        BridgeProperties properties = TestProperties.withResources(
                TestProperties.bind(
                        "bridge.informer.missing-resource=" + policy, "bridge.informer.discovery-retry-interval=200ms"),
                List.of(entries));
        return Coordinators.create(MockKubernetes.client(), registry, properties, this::recording);
    }

    /** A listener noting each change as {@code trams created depot/tram-1}, and its end as {@code trams stopped}. */
    private ChangeListener recording(ResourceProperties entry, ResourceType type) {
        return new ChangeListener() {
            @Override
            public void onChange(Operation operation, GenericKubernetesResource object, byte[] json) {
                changes.add(type.plural() + " " + operation.typeSegment() + " "
                        + object.getMetadata().getNamespace() + "/"
                        + object.getMetadata().getName());
            }

            @Override
            public void onStopped() {
                changes.add(type.plural() + " stopped");
            }
        };
    }
}
