package io.kubeeventbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

class LifecyclePhasesTest {

    @Test
    void checkpointsStartFirstThenThePublisherThenTheInformers() {
        assertThat(new int[] {LifecyclePhases.CHECKPOINTS, LifecyclePhases.PUBLISHER, LifecyclePhases.INFORMERS})
                .isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void publishingStopsBeforeTheKafkaProducerFactoryCloses() {
        assertThat(LifecyclePhases.CHECKPOINTS).isGreaterThan(new DefaultKafkaProducerFactory<>(Map.of()).getPhase());
    }
}
