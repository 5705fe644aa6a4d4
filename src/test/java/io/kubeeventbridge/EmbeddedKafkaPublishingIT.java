package io.kubeeventbridge;

import org.springframework.kafka.test.context.EmbeddedKafka;

/** The publishing contract against the in-process KRaft broker, which every machine can run. */
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class EmbeddedKafkaPublishingIT extends PublishingContract {}
