package io.kubeeventbridge;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same publishing contract against a real Kafka in a container; skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerKafkaPublishingIT extends PublishingContract {

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.0");

    @DynamicPropertySource
    static void kafkaProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
    }
}
