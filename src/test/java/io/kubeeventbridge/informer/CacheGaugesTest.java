package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.support.MockKubernetes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each watched type has gauges of its cache's bytes while it is watched. */
class CacheGaugesTest {

    private static final ResourceType CONFIG_MAPS = new ResourceType("", "v1", "configmaps", "ConfigMap", true);

    private final KubernetesClient client = MockKubernetes.client();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InformerFactory registry = TestCompression.informers(client, meters);
    private final String namespace = "gauges-" + UUID.randomUUID().toString().substring(0, 6);

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void aWatchedTypeReportsItsStoredBytesAndCompressionRatioUntilUnwatched() {
        for (String name : new String[] {"a", "b"}) {
            client.configMaps()
                    .inNamespace(namespace)
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .endMetadata()
                            .withData(Map.of("key", "value-" + name))
                            .build())
                    .create();
        }
        registry.watch(
                new InformerTarget(CONFIG_MAPS, namespace, null, null),
                (operation, object, json) -> {},
                ObjectFilter.NONE);
        ResourceCache cache = registry.find("", "v1", "configmaps").orElseThrow();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> cache.synced() && cache.list(null).size() == 2);
        long jsonBytes = cache.list(null).stream()
                .mapToLong(object -> object.json().length)
                .sum();

        await().atMost(Duration.ofSeconds(10)).until(() -> storedBytes() == jsonBytes);
        // Two objects are too few for a dictionary: stored as they are.
        assertThat(meters.get(CacheGauges.COMPRESSION_RATIO)
                        .tag("resource", "v1/configmaps")
                        .gauge()
                        .value())
                .isEqualTo(1.0);

        registry.unwatch(CONFIG_MAPS);

        assertThat(meters.find(CacheGauges.STORED_BYTES).gauges()).isEmpty();
    }

    private double storedBytes() {
        return meters.get(CacheGauges.STORED_BYTES)
                .tag("resource", "v1/configmaps")
                .gauge()
                .value();
    }
}
