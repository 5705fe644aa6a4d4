package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl;
import io.kubeeventbridge.event.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CompactItemStoreTest {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);

    private final CompactItemStore store = new CompactItemStore(
            object -> object.getAdditionalProperties().remove("secret"), PODS, TestCompression.off(PODS));
    private final CacheImpl<GenericKubernetesResource> cache = new CacheImpl<>();
    private final IndexedStoreReader objects;

    CompactItemStoreTest() {
        cache.setItemStore(store);
        objects = new IndexedStoreReader(cache, store);
    }

    @Test
    void keepsTheFilteredObjectAsCompactJsonThatDecodesToAnEqualObject() {
        GenericKubernetesResource pod = pod("web-1", "7", Map.of("app", "web"));
        cache.put(pod);

        CachedObject cached = objects.get("shop", "web-1").orElseThrow();
        assertThat(cached.json()).isEqualTo(JsonMapper.shared().writeValueAsBytes(pod));
        assertThat(new String(cached.json(), StandardCharsets.UTF_8))
                .startsWith("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",")
                .doesNotContain("secret");
        assertThat(cached.decode()).isEqualTo(pod).isNotSameAs(pod);
        assertThat(List.of(cached.namespace(), cached.name(), cached.uid(), cached.resourceVersion()))
                .containsExactly("shop", "web-1", "uid-web-1", "7");
        assertThat(cached.labels()).isEqualTo(Map.of("app", "web"));
    }

    @Test
    void keepsANewStateDecodedUntilItsChangeIsHandedOverThenOnlyItsJson() {
        GenericKubernetesResource pod = pod("web-1", "7", Map.of());
        cache.put(pod);
        CachedObject decoded = objects.get("shop", "web-1").orElseThrow();

        byte[] json = store.compact(pod);

        CachedObject compacted = objects.get("shop", "web-1").orElseThrow();
        assertThat(decoded.isStillDecoded(pod)).isTrue();
        assertThat(compacted.isStillDecoded(pod)).isFalse();
        assertThat(compacted.json()).isSameAs(json).isEqualTo(decoded.json());
    }

    @Test
    void aStaleChangeDoesNotReplaceTheNewerStateItFindsCached() {
        GenericKubernetesResource older = pod("web-1", "7", Map.of());
        GenericKubernetesResource newer = pod("web-1", "8", Map.of());
        cache.put(older);
        cache.put(newer);

        store.compact(older);

        assertThat(objects.get("shop", "web-1").orElseThrow().isStillDecoded(newer))
                .isTrue();
    }

    @Test
    void anUnchangedStateListedAgainKeepsItsCompactForm() {
        GenericKubernetesResource listed = pod("web-1", "7", Map.of("app", "web"));
        cache.put(listed);
        store.compact(listed);
        CachedObject compacted = objects.get("shop", "web-1").orElseThrow();
        assertThat(compacted.isCompact()).isTrue();

        cache.put(pod("web-1", "7", Map.of("app", "web")));

        assertThat(objects.get("shop", "web-1")).containsSame(compacted);
        assertThat(objects.withLabel(null, "app", "web")).containsExactly(compacted);
    }

    @Test
    void aDeleteFoundByARelistGetsTheJsonOfTheLastCachedState() {
        GenericKubernetesResource pod = pod("web-1", "7", Map.of());
        cache.put(pod);

        GenericKubernetesResource removed = cache.remove(pod);

        assertThat(store.compact(removed)).isEqualTo(JsonMapper.shared().writeValueAsBytes(pod));
    }

    @Test
    void fillsInApiVersionAndKindThatListItemsLack() {
        GenericKubernetesResource pod = pod("web-1", "7", Map.of());
        pod.setApiVersion(null);
        pod.setKind(null);
        cache.put(pod);

        assertThat(objects.get("shop", "web-1").orElseThrow().decode())
                .extracting(GenericKubernetesResource::getApiVersion, GenericKubernetesResource::getKind)
                .containsExactly("v1", "Pod");
    }

    @Test
    void givesFabric8ReducedObjectsThatCarryIdentityLabelsAndTheFullState() {
        cache.put(pod("web-1", "7", Map.of("app", "web")));

        GenericKubernetesResource previous = cache.put(pod("web-1", "8", Map.of("app", "api")));

        assertThat(store.isFullState()).isFalse();
        assertThat(previous).isInstanceOf(ReducedResource.class);
        assertThat(previous.getMetadata().getResourceVersion()).isEqualTo("7");
        assertThat(previous.getMetadata().getLabels()).isEqualTo(Map.of("app", "web"));
        assertThat(previous.getAdditionalProperties()).isEmpty();
        assertThat(((ReducedResource) previous).cached().decode().getAdditionalProperties())
                .containsKey("spec");
        assertThat(cache.list()).singleElement().isInstanceOf(ReducedResource.class);
    }

    @Test
    void indexesFollowUpdatesAndRemovalsThroughTheReducedPreviousState() {
        cache.put(pod("web-1", "7", Map.of("app", "web")));
        cache.put(pod("web-2", "7", Map.of("app", "web")));
        cache.put(pod("web-1", "8", Map.of("app", "api")));
        cache.remove(pod("web-2", "9", Map.of("app", "web")));

        assertThat(objects.withLabel(null, "app", "web")).isEmpty();
        assertThat(objects.withLabel("shop", "app", "api"))
                .extracting(CachedObject::name)
                .containsExactly("web-1");
        assertThat(objects.list("shop")).extracting(CachedObject::name).containsExactly("web-1");
        assertThat(objects.size()).isEqualTo(1);
    }

    @Test
    void labelListsFindCompactObjectsThroughTheIndexAndNewStatesBeforeTheirCompaction() {
        compactedPod("web-1", "7", Map.of("app", "web", "tier", "front"));
        compactedPod("web-2", "7", Map.of("app", "web"));
        assertThat(store.labelled("app", "web")).containsExactlyInAnyOrder("shop/web-1", "shop/web-2");

        GenericKubernetesResource moved = pod("web-1", "8", Map.of("app", "api", "tier", "front"));
        cache.put(moved);

        assertThat(objects.withLabel(null, "app", "web"))
                .extracting(CachedObject::name)
                .containsExactly("web-2");
        assertThat(objects.withLabel(null, "app", "api"))
                .extracting(CachedObject::name)
                .containsExactly("web-1");
        assertThat(objects.withLabel(null, "tier", "front"))
                .extracting(CachedObject::name)
                .containsExactly("web-1");

        store.compact(moved);

        assertThat(store.labelled("app", "web")).containsExactly("shop/web-2");
        assertThat(store.labelled("app", "api")).containsExactly("shop/web-1");
        assertThat(store.labelled("tier", "front")).containsExactly("shop/web-1");
    }

    @Test
    void theLabelsOfTheLastCompactStateLeaveTheIndexWhenALaterStateIsCompacted() {
        compactedPod("web-1", "7", Map.of("app", "web"));
        cache.put(pod("web-1", "8", Map.of("app", "api")));
        GenericKubernetesResource newest = pod("web-1", "9", Map.of("tier", "back"));
        cache.put(newest);
        assertThat(store.labelled("app", "web")).containsExactly("shop/web-1");

        store.compact(newest);

        assertThat(store.labelled("app", "web")).isEmpty();
        assertThat(store.labelled("app", "api")).isEmpty();
        assertThat(store.labelled("tier", "back")).containsExactly("shop/web-1");
    }

    @Test
    void everyStoredObjectIsInEveryLabelListWhileTheHandlerCompactsThem() throws Exception {
        int pods = 5_000;
        AtomicInteger stored = new AtomicInteger();
        BlockingQueue<GenericKubernetesResource> handedOver = new LinkedBlockingQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // As the informer thread stores objects and the handler thread compacts them, concurrently.
            Future<?> informer = threads.submit(() -> {
                for (int i = 0; i < pods; i++) {
                    GenericKubernetesResource pod = pod("web-" + i, "7", Map.of("app", "web"));
                    cache.put(pod);
                    stored.incrementAndGet();
                    handedOver.add(pod);
                }
            });
            Future<?> handler = threads.submit(() -> {
                while (!informer.isDone() || !handedOver.isEmpty()) {
                    GenericKubernetesResource pod = handedOver.poll(10, TimeUnit.MILLISECONDS);
                    if (pod != null) {
                        store.compact(pod);
                    }
                }
                return null;
            });
            int lists = 0;
            int missed = 0;
            while (!handler.isDone()) {
                int storedBefore = stored.get();
                Set<String> labelled = store.labelled("app", "web");
                for (int i = 0; i < storedBefore; i++) {
                    missed += labelled.contains("shop/web-" + i) ? 0 : 1;
                }
                lists++;
            }
            handler.get();
            assertThat(lists).isPositive();
            assertThat(missed).isZero();
            assertThat(store.labelled("app", "web")).hasSize(pods);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRemovedObjectLeavesTheIndexWhetherCompactOrNot() {
        compactedPod("web-1", "7", Map.of("app", "web"));
        compactedPod("web-2", "7", Map.of("app", "web"));
        cache.put(pod("web-2", "8", Map.of("app", "web")));

        cache.remove(pod("web-1", "7", Map.of("app", "web")));
        cache.remove(pod("web-2", "8", Map.of("app", "web")));

        assertThat(store.labelled("app", "web")).isEmpty();
        assertThat(objects.withLabel(null, "app", "web")).isEmpty();
    }

    @Test
    void aLabelWithoutAValueIsLeftOutOfTheCompactLabels() {
        Map<String, String> labels = new HashMap<>();
        labels.put("app", "web");
        labels.put("broken", null);

        compactedPod("web-1", "7", labels);

        assertThat(objects.get("shop", "web-1").orElseThrow().labels()).isEqualTo(Map.of("app", "web"));
        assertThat(store.labelled("app", "web")).containsExactly("shop/web-1");
    }

    @Test
    void jacksonWritesACachedObjectAsTheObjectItHolds() {
        GenericKubernetesResource pod = pod("web-1", "7", Map.of("app", "web"));
        cache.put(pod);

        String written = JsonMapper.shared()
                .writeValueAsString(
                        Map.of("items", List.of(objects.get("shop", "web-1").orElseThrow())));

        assertThat(written).isEqualTo("{\"items\":[" + JsonMapper.shared().writeValueAsString(pod) + "]}");
    }

    /** Puts the pod and compacts it, as the informer and the handler do. */
    private void compactedPod(String name, String resourceVersion, Map<String, String> labels) {
        GenericKubernetesResource pod = pod(name, resourceVersion, labels);
        cache.put(pod);
        store.compact(pod);
        assertThat(objects.get("shop", name).orElseThrow().isCompact()).isTrue();
    }

    private static GenericKubernetesResource pod(String name, String resourceVersion, Map<String, String> labels) {
        GenericKubernetesResource pod = new GenericKubernetesResourceBuilder()
                .withApiVersion("v1")
                .withKind("Pod")
                .withNewMetadata()
                .withNamespace("shop")
                .withName(name)
                .withUid("uid-" + name)
                .withResourceVersion(resourceVersion)
                .withLabels(labels)
                .endMetadata()
                .build();
        pod.setAdditionalProperty("spec", Map.of("nodeName", "node-1", "containers", List.of(Map.of("name", "app"))));
        pod.setAdditionalProperty("secret", "s3cr3t");
        return pod;
    }
}
