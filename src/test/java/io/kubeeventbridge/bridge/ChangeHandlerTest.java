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
import io.kubeeventbridge.predicate.ChangePredicate;
import io.kubeeventbridge.predicate.PointerPattern;
import io.kubeeventbridge.publish.Checkpoint;
import io.kubeeventbridge.publish.EventPublisher;
import io.kubeeventbridge.publish.OutgoingEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChangeHandlerTest {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);
    private static final ChangePredicate IGNORING_STATUS =
            new ChangePredicate(EnumSet.allOf(Operation.class), List.of(PointerPattern.parse("/status")), true);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<OutgoingEvent> published = new ArrayList<>();
    private final List<OutgoingEvent> recordedUnpublished = new ArrayList<>();
    private final FixedResourceCache cache = new FixedResourceCache(PODS);
    private final ChangeHandler handler = handler(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

    private ChangeHandler handler(Clock clock) {
        return handler(ChangePredicate.EVERYTHING, clock);
    }

    private ChangeHandler handler(ChangePredicate predicate, Clock clock) {
        return new ChangeHandler(
                PODS,
                "k8s.core.pod",
                () -> cache.list(null),
                predicate,
                new EventNormaliser("test"),
                new EventPublisher() {
                    @Override
                    public void publish(OutgoingEvent event) {
                        published.add(event);
                    }

                    @Override
                    public void recordUnpublished(OutgoingEvent event) {
                        recordedUnpublished.add(event);
                    }
                },
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
                .isThrownBy(() -> handler.onUpdate(withoutNamespace, json(withoutNamespace), () -> null));

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

        handler.onUpdate(pod("shop", "web-1"), json(pod("shop", "web-1")), () -> null);

        assertThat(published).isEmpty();
    }

    @Test
    void operationsLeftOutPublishNothingAndAreCountedAsFiltered() {
        ChangeHandler createsAndDeletes = handler(
                new ChangePredicate(EnumSet.of(Operation.CREATED, Operation.DELETED), List.of(), false),
                Clock.systemUTC());
        createsAndDeletes.startTerm(Map.of());
        GenericKubernetesResource v7 = pod("shop", "web-1");

        createsAndDeletes.onChange(Operation.SNAPSHOT, v7, json(v7));
        createsAndDeletes.onUpdate(v7, json(v7), () -> json(v7));
        createsAndDeletes.onChange(Operation.DELETED, v7, json(v7));

        assertThat(published).extracting(OutgoingEvent::operation).containsExactly(Operation.DELETED);
        assertThat(filtered("snapshot")).isEqualTo(1);
        assertThat(filtered("updated")).isEqualTo(1);
        assertThat(recordedUnpublished)
                .as("the snapshot is checkpointed, so it is no creation after a restart; the update is not")
                .extracting(OutgoingEvent::operation)
                .containsExactly(Operation.SNAPSHOT);
    }

    @Test
    void anUpdateOnlyWhereChangesDoNotCountPublishesNothingAndIsCountedAsFiltered() {
        ChangeHandler ignoringStatus = handler(IGNORING_STATUS, Clock.systemUTC());
        ignoringStatus.startTerm(Map.of());

        ignoringStatus.onUpdate(
                pod("8", "web", "Running"), json(pod("8", "web", "Running")), () -> json(pod("7", "web", "Pending")));

        assertThat(published).isEmpty();
        assertThat(filtered("updated")).isEqualTo(1);
    }

    @Test
    void anUpdateThatCountsSaysWhatChangedAndCarriesTheFingerprintOfItsState() {
        ChangeHandler ignoringStatus = handler(IGNORING_STATUS, Clock.systemUTC());
        ignoringStatus.startTerm(Map.of());
        byte[] current = json(pod("8", "api", "Running"));

        ignoringStatus.onUpdate(pod("8", "api", "Running"), current, () -> json(pod("7", "web", "Pending")));

        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.operation()).isEqualTo(Operation.UPDATED);
            assertThat(event.event().getExtension("changedpaths")).isEqualTo("/metadata/labels/app");
            assertThat(event.fingerprint().get()).isEqualTo(IGNORING_STATUS.fingerprint(current));
        });
    }

    @Test
    void aTermComparesTheFingerprintOfWhatCountsWithTheCheckpoints() {
        ChangeHandler ignoringStatus = handler(IGNORING_STATUS, Clock.systemUTC());
        GenericKubernetesResource onlyStatusChanged = pod("8", "web", "Running");
        cache.put(onlyStatusChanged);
        GenericKubernetesResource labelChanged = pod("9", "api", "Running");
        labelChanged.getMetadata().setName("api");
        cache.put(labelChanged);
        long published7 =
                IGNORING_STATUS.fingerprint(json(pod("7", "web", "Pending"))).getAsLong();

        ignoringStatus.startTerm(Map.of(
                "shop/web", new Checkpoint("uid-1", "7", OptionalLong.of(published7)),
                "shop/api", new Checkpoint("uid-1", "7", OptionalLong.of(published7))));

        assertThat(published)
                .extracting(event -> event.operation() + " " + event.key())
                .containsExactly("UPDATED shop/api");
    }

    @Test
    void eventsOfAnEntryThatDoesNotCompareUpdatesCarryNoFingerprintForTheirCheckpoints() {
        handler.startTerm(Map.of());

        handler.onChange(Operation.CREATED, pod("7", "web", "Pending"), json(pod("7", "web", "Pending")));
        handler.onUpdate(
                pod("8", "web", "Running"), json(pod("8", "web", "Running")), () -> json(pod("7", "web", "Pending")));

        assertThat(published)
                .hasSize(2)
                .allSatisfy(event -> assertThat(event.fingerprint()).isNull());
    }

    @Test
    void anEntryThatStartsComparingUpdatesComparesCheckpointsWithoutFingerprintByResourceVersion() {
        ChangeHandler ignoringStatus = handler(IGNORING_STATUS, Clock.systemUTC());
        cache.put(pod("8", "web", "Running"));

        ignoringStatus.startTerm(Map.of("shop/web", new Checkpoint("uid-1", "7")));

        assertThat(published)
                .as("only the status changed, but what the checkpoint's state held is unknown")
                .extracting(OutgoingEvent::operation)
                .containsExactly(Operation.UPDATED);
    }

    @Test
    void anEntryThatStopsComparingUpdatesComparesCheckpointsByResourceVersion() {
        cache.put(pod("8", "web", "Running"));
        long sameContent =
                IGNORING_STATUS.fingerprint(json(pod("8", "web", "Running"))).getAsLong();

        handler.startTerm(Map.of("shop/web", new Checkpoint("uid-1", "7", OptionalLong.of(sameContent))));

        assertThat(published).extracting(OutgoingEvent::operation).containsExactly(Operation.UPDATED);
    }

    @Test
    void reconciledChangesHonourTheOperations() {
        ChangeHandler createsOnly =
                handler(new ChangePredicate(EnumSet.of(Operation.CREATED), List.of(), false), Clock.systemUTC());
        cache.put(pod("shop", "new"));

        createsOnly.startTerm(Map.of("shop/gone", new Checkpoint("uid-gone", "3")));
        createsOnly.onFirstList(null);

        assertThat(published).extracting(OutgoingEvent::key).containsExactly("shop/new");
        assertThat(filtered("deleted")).isEqualTo(1);
        assertThat(recordedUnpublished)
                .as("its checkpoint goes, as if the delete had been published")
                .extracting(event -> event.operation() + " " + event.key())
                .containsExactly("DELETED shop/gone");
    }

    private double filtered(String operation) {
        return registry.get("bridge.events.filtered")
                .tag("resource", "v1/pods")
                .tag("operation", operation)
                .counter()
                .count();
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

    /** Pod {@code shop/web} at {@code resourceVersion}, labelled {@code app}, in {@code phase}. */
    private static GenericKubernetesResource pod(String resourceVersion, String app, String phase) {
        GenericKubernetesResource pod = pod("shop", "web");
        pod.getMetadata().setResourceVersion(resourceVersion);
        pod.getMetadata().setLabels(Map.of("app", app));
        pod.setAdditionalProperty("status", Map.of("phase", phase));
        return pod;
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
