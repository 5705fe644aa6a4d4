package io.kubeeventbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.kubeeventbridge.event.EventNormaliser;
import io.kubeeventbridge.event.ObjectJson;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.FixedResourceCache;
import io.kubeeventbridge.metrics.EventMetrics;
import io.kubeeventbridge.publish.Checkpoint;
import io.kubeeventbridge.publish.OutgoingEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeHandlerTest {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<OutgoingEvent> published = new ArrayList<>();
    private final FixedResourceCache cache = new FixedResourceCache(PODS);
    private final ChangeHandler handler = handler(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

    private ChangeHandler handler(Clock clock) {
        return new ChangeHandler(
                PODS,
                "k8s.core.pod",
                () -> cache.list(null),
                new EventNormaliser("test"),
                published::add,
                new EventMetrics(registry),
                clock);
    }

    @Test
    void changeIsPublishedToTheTopicKeyedByObject() {
        handler.startTerm(Map.of());
        handler.onChange(Operation.CREATED, pod("shop", "web-1"), json(pod("shop", "web-1")));

        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.topic()).isEqualTo("k8s.core.pod");
            assertThat(event.key()).isEqualTo("shop/web-1");
            assertThat(event.operation()).isEqualTo(Operation.CREATED);
            assertThat(event.event().getType()).isEqualTo("io.k8s.core.pod.created");
        });
        assertThat(registry.get("bridge.events.received")
                        .tag("resource", "v1/pods")
                        .tag("operation", "created")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void objectThatCannotBecomeAnEventIsCountedAndNeverReachesTheInformer() {
        GenericKubernetesResource withoutNamespace = pod(null, "web-1");
        handler.startTerm(Map.of());

        assertThatNoException()
                .isThrownBy(() -> handler.onChange(Operation.UPDATED, withoutNamespace, json(withoutNamespace)));

        assertThat(published).isEmpty();
        assertThat(registry.get("bridge.events.failed")
                        .tag("resource", "v1/pods")
                        .tag("operation", "updated")
                        .tag("stage", "normalise")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void objectDeletedWhileTheBridgeWasDownIsPublishedAsAReconciledDelete() {
        ChangeHandler afterRestart = handler(Clock.systemUTC());
        afterRestart.startTerm(Map.of("shop/gone", new Checkpoint("uid-gone", "41")));

        afterRestart.onFirstList("shop");

        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.key()).isEqualTo("shop/gone");
            assertThat(event.operation()).isEqualTo(Operation.DELETED);
            assertThat(event.event().getId()).isEqualTo("uid-gone/41/deleted");
            assertThat(event.event().getExtension("reconciled")).isEqualTo(true);
        });
    }

    @Test
    void aReplicaThatDoesNotLeadPublishesNothingButCountsWhatItReceives() {
        handler.onChange(Operation.CREATED, pod("shop", "web-1"), json(pod("shop", "web-1")));

        assertThat(published).isEmpty();
        assertThat(registry.get("bridge.events.received").counter().count()).isEqualTo(1);
    }

    @Test
    void aTermBegunAfterTheFirstListReconcilesTheCacheAndPublishesWhatVanished() {
        GenericKubernetesResource kept = pod("shop", "kept");
        cache.put(kept);
        cache.put(pod("shop", "new"));
        handler.onFirstList(null);

        // The cache gives each object it stores the next resourceVersion: the checkpoint holds the same.
        handler.startTerm(Map.of(
                "shop/kept", new Checkpoint("uid-1", kept.getMetadata().getResourceVersion()),
                "shop/gone", new Checkpoint("uid-gone", "3")));

        assertThat(published)
                .extracting(event -> event.operation() + " " + event.key())
                .containsExactlyInAnyOrder("CREATED shop/new", "DELETED shop/gone");
    }

    @Test
    void anObjectReadFromTheCacheAndThenNotifiedAsASnapshotIsPublishedOnce() {
        cache.put(pod("shop", "web-1"));
        handler.startTerm(Map.of());

        handler.onChange(Operation.SNAPSHOT, pod("shop", "web-1"), json(pod("shop", "web-1")));
        handler.onFirstList(null);

        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.operation()).isEqualTo(Operation.SNAPSHOT);
            assertThat(event.key()).isEqualTo("shop/web-1");
        });
    }

    @Test
    void anEndedTermPublishesNothingMore() {
        handler.startTerm(Map.of());
        handler.endTerm();

        handler.onChange(Operation.UPDATED, pod("shop", "web-1"), json(pod("shop", "web-1")));

        assertThat(published).isEmpty();
    }

    @Test
    void aHandlerWhoseInformersStoppedForGoodPublishesNothingWhenATermBegins() {
        handler.onFirstList(null);

        handler.onStopped();
        handler.startTerm(Map.of("shop/gone", new Checkpoint("uid-gone", "3")));

        assertThat(published).isEmpty();
    }

    private static byte[] json(GenericKubernetesResource object) {
        return ObjectJson.encode(object, object.getApiVersion(), object.getKind());
    }

    private static GenericKubernetesResource pod(String namespace, String name) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("v1")
                .withKind("Pod")
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .withUid("uid-1")
                .withResourceVersion("7")
                .endMetadata()
                .build();
    }
}
