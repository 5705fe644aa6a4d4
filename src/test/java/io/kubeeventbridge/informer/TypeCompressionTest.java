package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.bench.Workload;
import io.kubeeventbridge.event.ResourceType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cache compresses each type's objects with a dictionary trained on the type's first objects, once its first list
 * is complete, or during it past the compressor's budget.
 */
class TypeCompressionTest {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);

    private final TypeCompression compression = TestCompression.inline(PODS);
    private final CompactItemStore store = new CompactItemStore(ObjectFilter.NONE, PODS, compression);
    private final Workload workload = new Workload(11);
    // The compact JSON of each object cached, as its handler got it.
    private final List<byte[]> jsons = new ArrayList<>();

    @Test
    void objectsCachedBeforeTheDictionaryAreCompressedOnceItIsTrainedAndReadBackExactly() {
        cacheAndCompact(1_000);

        assertThat(compression.trained()).isTrue();
        assertThat(store.all()).hasSize(1_000).allMatch(CachedObject::isCompressed);
        for (int i = 0; i < jsons.size(); i++) {
            CachedObject cached = store.cached("ns-" + (i % 10) + "/pod-" + i);
            assertThat(cached.json()).isEqualTo(jsons.get(i));
            assertThat(cached.jsonBytes()).isEqualTo(jsons.get(i).length);
            assertThat(cached.storedBytes()).isLessThan(jsons.get(i).length / 2);
        }
    }

    @Test
    void objectsCachedAfterTheDictionaryAreCompressedAsTheyCome() {
        cacheAndCompact(TypeCompression.MIN_SAMPLES);
        compression.listed();
        cacheAndCompact(10);

        CachedObject latest = store.cached("ns-9/pod-109");
        assertThat(latest.isCompressed()).isTrue();
        assertThat(latest.json()).isEqualTo(jsons.get(109));
    }

    @Test
    void aCompressedStateFabric8HandsBackReadsAsItsJsonForPredicatesAndWatches() {
        cacheAndCompact(TypeCompression.MIN_SAMPLES);
        compression.listed();

        // What an update's previous state is to the classifier: the reduced object the store gives fabric8.
        GenericKubernetesResource previous = store.get("ns-3/pod-3");

        assertThat(store.compact(previous)).isEqualTo(jsons.get(3));
        assertThat(store.cached("ns-3/pod-3").isCompressed()).isTrue();
    }

    @Test
    void aTypeWithFewObjectsIsCompressedOnceItsFirstListIsComplete() {
        cacheAndCompact(TypeCompression.MIN_SAMPLES);
        assertThat(store.all()).noneMatch(CachedObject::isCompressed);

        compression.listed();

        assertThat(compression.trained()).isTrue();
        assertThat(store.all()).allMatch(CachedObject::isCompressed);
        assertThat(store.cached("ns-0/pod-0").json()).isEqualTo(jsons.get(0));
    }

    @Test
    void duringTheFirstListObjectsWaitUncompressedWithinTheBudgetUntilItIsComplete() {
        DeferralBudget budget = new DeferralBudget(Long.MAX_VALUE);
        TypeCompression deferring = TestCompression.inline(PODS, budget);
        CompactItemStore listing = new CompactItemStore(ObjectFilter.NONE, PODS, deferring);
        cacheAndCompact(listing, 2_000);

        assertThat(deferring.trained()).isFalse();
        assertThat(listing.all()).noneMatch(CachedObject::isCompressed);
        assertThat(budget.deferredBytes())
                .isEqualTo(jsons.stream().mapToLong(json -> json.length).sum());

        deferring.listed();

        assertThat(listing.all()).allMatch(CachedObject::isCompressed);
        assertThat(budget.deferredBytes()).isZero();
        assertThat(listing.cached("ns-0/pod-0").json()).isEqualTo(jsons.get(0));
    }

    @Test
    void pastTheBudgetTheObjectsDeferredLongestAreCompressedDuringTheList() {
        DeferralBudget budget = new DeferralBudget(1024 * 1024);
        TypeCompression deferring = TestCompression.inline(PODS, budget);
        CompactItemStore listing = new CompactItemStore(ObjectFilter.NONE, PODS, deferring);
        cacheAndCompact(listing, 2_000);

        assertThat(deferring.trained()).isTrue();
        assertThat(budget.deferredBytes()).isPositive().isLessThanOrEqualTo(1024 * 1024);
        assertThat(listing.cached("ns-0/pod-0").isCompressed()).isTrue();
        assertThat(listing.cached("ns-9/pod-1999").isCompressed()).isFalse();
        assertThat(listing.all().stream().filter(CachedObject::isCompressed)).hasSizeGreaterThan(1_500);
    }

    @Test
    void aTypeWithTooFewObjectsForADictionaryStaysUncompressed() {
        cacheAndCompact(TypeCompression.MIN_SAMPLES - 1);

        compression.listed();

        assertThat(compression.trained()).isFalse();
        assertThat(store.all()).noneMatch(CachedObject::isCompressed);
        assertThat(store.cached("ns-0/pod-0").json()).isEqualTo(jsons.get(0));
    }

    @Test
    void withoutZstdNothingIsCompressedAndObjectsReadAsTheyWere() {
        TypeCompression off = TestCompression.off(PODS);
        CompactItemStore uncompressed = new CompactItemStore(ObjectFilter.NONE, PODS, off);
        cacheAndCompact(uncompressed, TypeCompression.MIN_SAMPLES);
        off.listed();

        assertThat(off.trained()).isFalse();
        assertThat(uncompressed.all()).hasSize(TypeCompression.MIN_SAMPLES).noneMatch(CachedObject::isCompressed);
        assertThat(uncompressed.cached("ns-0/pod-0").json()).isEqualTo(jsons.get(0));
    }

    private void cacheAndCompact(int count) {
        cacheAndCompact(store, count);
    }

    /** As an informer stores each object and its handler then compacts it. */
    private void cacheAndCompact(CompactItemStore target, int count) {
        for (int i = 0; i < count; i++) {
            GenericKubernetesResource pod = Workload.decode(workload.nextJson(jsons.size(), 10, false));
            target.put(target.getKey(pod), pod);
            jsons.add(target.compact(pod));
        }
    }
}
