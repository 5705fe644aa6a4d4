package io.kubeeventbridge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The publishing contract against the in-process KRaft broker, which every machine can run. */
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class EmbeddedKafkaPublishingIT extends PublishingContract {

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Override
    String bootstrapServers() {
        return bootstrapServers;
    }
}
