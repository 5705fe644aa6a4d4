package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.support.MockKubernetes;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The change feed of a type lives as long as the type is watched. */
class InformerFactoryFeedTest {

    private static final ResourceType CONFIG_MAPS = new ResourceType("", "v1", "configmaps", "ConfigMap", true);

    private final InformerFactory registry = TestCompression.informers(MockKubernetes.client());

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void unwatchingATypeEndsTheWatchesOfItsChangeFeed() {
        String namespace = "feed-" + UUID.randomUUID().toString().substring(0, 6);
        registry.watch(
                new InformerTarget(CONFIG_MAPS, namespace, null, null),
                (operation, object, json) -> {},
                ObjectFilter.NONE);
        ChangeFeed feed = registry.find("", "v1", "configmaps").orElseThrow().changes();
        AtomicBoolean ended = new AtomicBoolean();
        feed.subscribe(null, new ChangeSubscriber() {
            @Override
            public boolean offer(Change change) {
                return true;
            }

            @Override
            public void ended() {
                ended.set(true);
            }
        });

        registry.unwatch(CONFIG_MAPS);

        await().atMost(Duration.ofSeconds(10)).untilTrue(ended);
        assertThat(registry.find("", "v1", "configmaps")).isEmpty();
    }
}
