package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.payload.PayloadFilter;
import io.kubeeventbridge.payload.SecretMasker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * No Secret value reaches the store, a listener or the query-facing view through any way fabric8 has of handing an
 * object over. Each is driven as fabric8 drives it, one call at a time, and checked after every call; nothing relies
 * on the order of fabric8's calls ({@code getKey} is never called first) or on fabric8 notifying the very instance it
 * stored.
 */
class RedactionAtEveryEntryPointTest {

    private static final ResourceType SECRETS = new ResourceType("", "v1", "secrets", "Secret", true);
    private static final String VALUE = "hunter2-value";
    private static final String KEY = "shop/db";

    private final CompactItemStore store = new CompactItemStore(
            new PayloadFilter(true, List.of(), SecretMasker.redacting())::apply, SECRETS, TestCompression.off(SECRETS));
    private final IndexedStoreReader view;
    private final List<String> handedOver = new ArrayList<>();
    private final ChangeClassifier classifier = new ChangeClassifier(
            (operation, object, json) -> {
                handedOver.add(JsonMapper.shared().writeValueAsString(object));
                handedOver.add(new String(json, StandardCharsets.UTF_8));
            },
            store,
            null,
            () -> {});

    RedactionAtEveryEntryPointTest() {
        CacheImpl<GenericKubernetesResource> cache = new CacheImpl<>();
        cache.setItemStore(store);
        view = new IndexedStoreReader(cache, store);
    }

    static Stream<Arguments> entryPoints() {
        return Stream.of(
                Arguments.of("add, listed or watched", 1, steps(test -> {
                    GenericKubernetesResource added = secret("1");
                    test.put(added);
                    test.notify(classifier -> classifier.onAdd(added));
                })),
                Arguments.of("add notified with another instance than the one stored", 1, steps(test -> {
                    test.put(secret("1"));
                    test.notify(classifier -> classifier.onAdd(secret("1")));
                })),
                Arguments.of("update", 2, steps(test -> {
                    test.added(secret("1"));
                    GenericKubernetesResource updated = secret("2");
                    GenericKubernetesResource previous = test.put(updated);
                    test.notify(classifier -> classifier.onUpdate(previous, updated));
                })),
                Arguments.of("state replaced by a relist", 2, steps(test -> {
                    test.added(secret("1"));
                    test.notify(classifier -> classifier.onList("1", false));
                    test.notify(classifier -> classifier.onBeforeList("1"));
                    GenericKubernetesResource relisted = secret("2");
                    GenericKubernetesResource previous = test.put(relisted);
                    test.notify(classifier -> classifier.onUpdate(previous, relisted));
                    test.notify(classifier -> classifier.onList("2", false));
                })),
                Arguments.of("watched delete, whose object never enters the store", 2, steps(test -> {
                    test.added(secret("1"));
                    test.remove();
                    test.notify(classifier -> classifier.onDelete(secret("2"), false));
                })),
                Arguments.of("delete with final state unknown, found by a relist", 2, steps(test -> {
                    test.added(secret("1"));
                    test.notify(classifier -> classifier.onList("1", false));
                    test.notify(classifier -> classifier.onBeforeList("1"));
                    GenericKubernetesResource removed = test.remove();
                    test.notify(classifier -> classifier.onDelete(removed, true));
                    test.notify(classifier -> classifier.onList("3", false));
                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entryPoints")
    void noSecretValueIsStoredViewedOrHandedOver(
            String entryPoint, int changes, Consumer<RedactionAtEveryEntryPointTest> steps) {
        steps.accept(this);

        // Each change handed over as the object and its JSON, both with the Secret's keys, redacted.
        assertThat(handedOver)
                .hasSize(2 * changes)
                .allSatisfy(handed -> assertThat(handed).contains("\"password\"", "\"token\""));
    }

    /** An object fabric8 stores: put without {@code getKey} first. */
    private GenericKubernetesResource put(GenericKubernetesResource object) {
        GenericKubernetesResource previous = store.put(Cache.metaNamespaceKeyFunc(object), object);
        assertNothingLeaks();
        return previous;
    }

    private GenericKubernetesResource remove() {
        GenericKubernetesResource removed = store.remove(KEY);
        assertNothingLeaks();
        return removed;
    }

    private void notify(Consumer<ChangeClassifier> callback) {
        callback.accept(classifier);
        assertNothingLeaks();
    }

    private void added(GenericKubernetesResource object) {
        put(object);
        notify(classifier -> classifier.onAdd(object));
    }

    private void assertNothingLeaks() {
        List<String> seen = new ArrayList<>(handedOver);
        store.all().forEach(cached -> seen.add(json(cached)));
        view.list(null).forEach(cached -> seen.add(json(cached)));
        view.get("shop", "db").ifPresent(cached -> seen.add(json(cached)));
        assertThat(seen)
                .allSatisfy(text ->
                        assertThat(text).doesNotContain(VALUE, base64(VALUE), PayloadFilter.LAST_APPLIED_ANNOTATION));
    }

    private static GenericKubernetesResource secret(String resourceVersion) {
        GenericKubernetesResource secret = new GenericKubernetesResourceBuilder()
                .withApiVersion("v1")
                .withKind("Secret")
                .withNewMetadata()
                .withNamespace("shop")
                .withName("db")
                .withUid("uid-db")
                .withResourceVersion(resourceVersion)
                .withAnnotations(
                        Map.of(PayloadFilter.LAST_APPLIED_ANNOTATION, "{\"stringData\":{\"token\":\"" + VALUE + "\"}}"))
                .endMetadata()
                .build();
        secret.setAdditionalProperty("data", Map.of("password", base64(VALUE)));
        secret.setAdditionalProperty("stringData", Map.of("token", VALUE));
        return secret;
    }

    private static Consumer<RedactionAtEveryEntryPointTest> steps(Consumer<RedactionAtEveryEntryPointTest> steps) {
        return steps;
    }

    private static String json(CachedObject cached) {
        return new String(cached.json(), StandardCharsets.UTF_8);
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
