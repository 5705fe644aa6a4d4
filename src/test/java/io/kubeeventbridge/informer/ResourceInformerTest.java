package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.WatcherException;
import org.junit.jupiter.api.Test;

class ResourceInformerTest {

    @Test
    void errorsForHealthLeaveOutTheWatchEventFabric8Quotes() {
        String raw = "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Secret\",\"data\":{\"password\":\"aHVudGVyMg==\"}}}";
        WatcherException watcher =
                new WatcherException("Couldn't deserialize watch event: " + raw, new IllegalStateException(), raw);

        assertThat(ResourceInformer.describe(watcher))
                .isEqualTo("Couldn't deserialize watch event: <watch event omitted>");
        assertThat(ResourceInformer.describe(new KubernetesClientException("wrapped", watcher)))
                .isEqualTo("wrapped");
        assertThat(ResourceInformer.describe(new KubernetesClientException("Forbidden")))
                .isEqualTo("Forbidden");
    }
}
