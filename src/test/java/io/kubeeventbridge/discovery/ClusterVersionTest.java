package io.kubeeventbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClusterVersionTest {

    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void theApiServersVersionIsReadOnceAndPassedOnAsItIs() {
        ClusterVersion version = new ClusterVersion(() -> {
            reads.incrementAndGet();
            return "{\"major\":\"1\",\"minor\":\"33\",\"gitVersion\":\"v1.33.2\",\"platform\":\"linux/amd64\"}";
        });

        assertThat(version.get())
                .hasValueSatisfying(document -> assertThat(document)
                        .containsEntry("gitVersion", "v1.33.2")
                        .containsEntry("platform", "linux/amd64"));
        version.get();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aVersionThatCannotBeReadIsAskedForAgain() {
        ClusterVersion version = new ClusterVersion(() -> {
            if (reads.incrementAndGet() == 1) {
                throw new KubernetesClientException("unreachable");
            }
            return null;
        });

        assertThat(version.get()).isEmpty();
        assertThat(version.get()).isEmpty();
        assertThat(reads).hasValue(2);
    }
}
