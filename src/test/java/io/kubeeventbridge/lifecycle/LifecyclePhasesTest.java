package io.kubeeventbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

class LifecyclePhasesTest {

    @Test
    void publishingStartsBeforeTheInformersAndStopsAfterThem() {
        assertThat(LifecyclePhases.PUBLISHING).isLessThan(LifecyclePhases.INFORMERS);
    }

    @Test
    void publishingStopsBeforeTheProducerFactoryCloses() {
        assertThat(LifecyclePhases.PUBLISHING).isGreaterThan(new DefaultKafkaProducerFactory<>(Map.of()).getPhase());
    }
}
