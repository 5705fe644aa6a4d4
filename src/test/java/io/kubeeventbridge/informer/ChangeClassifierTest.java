package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

class ChangeClassifierTest {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);

    private record Change(Operation operation, String resourceVersion) {}

    static Stream<Arguments> callbacks() {
        GenericKubernetesResource v1 = object("1");
        GenericKubernetesResource v2 = object("2");
        return Stream.of(
                Arguments.of(
                        "add during the first list is a snapshot",
                        callbacks(h -> h.onAdd(v1)),
                        List.of(new Change(Operation.SNAPSHOT, "1"))),
                Arguments.of(
                        "add after the first list is a creation",
                        callbacks(h -> {
                            h.onList("1", true);
                            h.onAdd(v1);
                        }),
                        List.of(new Change(Operation.CREATED, "1"))),
                Arguments.of(
                        "add found by a relist is a creation",
                        callbacks(h -> {
                            h.onList("1", false);
                            h.onBeforeList("1");
                            h.onAdd(v2);
                        }),
                        List.of(new Change(Operation.CREATED, "2"))),
                Arguments.of(
                        "update to a new resourceVersion is published",
                        callbacks(h -> h.onUpdate(v1, v2)),
                        List.of(new Change(Operation.UPDATED, "2"))),
                Arguments.of(
                        "resync with the same resourceVersion publishes nothing",
                        callbacks(h -> h.onUpdate(v1, object("1"))),
                        List.of()),
                Arguments.of(
                        "delete carries the last known state",
                        callbacks(h -> h.onDelete(v2, false)),
                        List.of(new Change(Operation.DELETED, "2"))),
                Arguments.of(
                        "delete missed by the watch still carries the last known state",
                        callbacks(h -> h.onDelete(v2, true)),
                        List.of(new Change(Operation.DELETED, "2"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callbacks")
    void classifiesCallbacks(String behaviour, Consumer<ChangeClassifier> callbacks, List<Change> expected) {
        List<Change> changes = new ArrayList<>();
        ChangeClassifier classifier = new ChangeClassifier(
                recording(changes),
                new CompactItemStore(ObjectFilter.NONE, PODS, TestCompression.off(PODS)),
                null,
                () -> {});

        callbacks.accept(classifier);

        assertThat(changes).containsExactlyElementsOf(expected);
    }

    @Test
    void everyCompletedListIsReportedAndOnlyTheFirstToTheListener() {
        AtomicInteger lists = new AtomicInteger();
        List<String> firstLists = new ArrayList<>();
        ChangeClassifier classifier = new ChangeClassifier(
                new ChangeListener() {
                    @Override
                    public void onChange(Operation operation, GenericKubernetesResource object, byte[] json) {}

                    @Override
                    public void onFirstList(String namespace) {
                        firstLists.add(namespace);
                    }
                },
                new CompactItemStore(ObjectFilter.NONE, PODS, TestCompression.off(PODS)),
                "shop",
                lists::incrementAndGet);

        classifier.onBeforeList(null);
        classifier.onList("1", false);
        classifier.onBeforeList("1");
        classifier.onList("5", false);

        assertThat(lists).hasValue(2);
        assertThat(firstLists).containsExactly("shop");
    }

    @Test
    void deleteFoundByARelistCarriesTheFullLastStateNotTheStoresReducedObject() {
        GenericKubernetesResource lastState = object("3");
        lastState.setAdditionalProperty("spec", Map.of("nodeName", "node-1"));
        CompactItemStore store = new CompactItemStore(ObjectFilter.NONE, PODS, TestCompression.off(PODS));
        store.put(store.getKey(lastState), lastState);
        List<GenericKubernetesResource> deleted = new ArrayList<>();
        ChangeClassifier classifier =
                new ChangeClassifier((operation, object, json) -> deleted.add(object), store, null, () -> {});

        classifier.onDelete(store.remove(store.getKey(lastState)), true);

        assertThat(deleted).singleElement().isEqualTo(lastState).isNotInstanceOf(ReducedResource.class);
    }

    @Test
    void aStateOlderThanTheStoresIsNotHandedOverSinceTheNewerOnesNotificationFollows() {
        CompactItemStore store = new CompactItemStore(ObjectFilter.NONE, PODS, TestCompression.off(PODS));
        GenericKubernetesResource v2 = object("2");
        GenericKubernetesResource v3 = object("3");
        store.put(store.getKey(v3), v3);
        List<Change> changes = new ArrayList<>();
        ChangeClassifier classifier = new ChangeClassifier(recording(changes), store, null, () -> {});
        classifier.onList("1", false);

        classifier.onUpdate(object("1"), v2);
        classifier.onUpdate(v2, v3);
        classifier.onDelete(v2, false);

        assertThat(changes).containsExactly(new Change(Operation.UPDATED, "3"), new Change(Operation.DELETED, "2"));
    }

    @Test
    void anUpdateComesWithTheCompactJsonOfTheStateItReplaced() {
        CompactItemStore store = new CompactItemStore(ObjectFilter.NONE, PODS, TestCompression.off(PODS));
        List<String> updates = new ArrayList<>();
        ChangeClassifier classifier = new ChangeClassifier(comparing(updates), store, null, () -> {});
        GenericKubernetesResource v1 = object("1");
        GenericKubernetesResource v2 = object("2");
        store.put(store.getKey(v1), v1);
        classifier.onAdd(v1);

        classifier.onUpdate(store.put(store.getKey(v2), v2), v2);

        assertThat(updates).containsExactly("1 -> 2");
    }

    @Test
    void anUpdateAfterOneSkippedAsStaleComesWithTheStateHandedOverLast() {
        CompactItemStore store = new CompactItemStore(ObjectFilter.NONE, PODS, TestCompression.off(PODS));
        List<String> updates = new ArrayList<>();
        ChangeClassifier classifier = new ChangeClassifier(comparing(updates), store, null, () -> {});
        GenericKubernetesResource v1 = object("1");
        GenericKubernetesResource v2 = object("2");
        GenericKubernetesResource v3 = object("3");
        store.put(store.getKey(v1), v1);
        classifier.onAdd(v1);
        GenericKubernetesResource replacedByV2 = store.put(store.getKey(v2), v2);
        GenericKubernetesResource replacedByV3 = store.put(store.getKey(v3), v3);

        classifier.onUpdate(replacedByV2, v2);
        classifier.onUpdate(replacedByV3, v3);

        assertThat(updates).containsExactly("1 -> 3");
    }

    @Test
    void anUpdateAfterACreationSkippedAsStaleIsHandedOverAsTheCreation() {
        CompactItemStore store = new CompactItemStore(ObjectFilter.NONE, PODS, TestCompression.off(PODS));
        List<Change> changes = new ArrayList<>();
        ChangeClassifier classifier = new ChangeClassifier(recording(changes), store, null, () -> {});
        classifier.onList("1", true);
        GenericKubernetesResource v1 = object("1");
        GenericKubernetesResource v2 = object("2");
        store.put(store.getKey(v1), v1);
        GenericKubernetesResource replaced = store.put(store.getKey(v2), v2);

        classifier.onAdd(v1);
        classifier.onUpdate(replaced, v2);

        assertThat(changes).containsExactly(new Change(Operation.CREATED, "2"));
    }

    /** A listener that compares updates, noting each as {@code previous resourceVersion -> current}. */
    private static ChangeListener recording(List<Change> changes) {
        return (operation, object, json) ->
                changes.add(new Change(operation, object.getMetadata().getResourceVersion()));
    }

    private static ChangeListener comparing(List<String> updates) {
        return new ChangeListener() {
            @Override
            public void onChange(Operation operation, GenericKubernetesResource object, byte[] json) {}

            @Override
            public void onUpdate(GenericKubernetesResource object, byte[] json, Supplier<byte[]> previous) {
                String before = JsonMapper.shared()
                        .readTree(previous.get())
                        .at("/metadata/resourceVersion")
                        .asString();
                updates.add(before + " -> " + object.getMetadata().getResourceVersion());
            }
        };
    }

    private static Consumer<ChangeClassifier> callbacks(Consumer<ChangeClassifier> callbacks) {
        return callbacks;
    }

    private static GenericKubernetesResource object(String resourceVersion) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("v1")
                .withKind("Pod")
                .withNewMetadata()
                .withNamespace("shop")
                .withName("web-1")
                .withUid("uid-1")
                .withResourceVersion(resourceVersion)
                .endMetadata()
                .build();
    }
}
