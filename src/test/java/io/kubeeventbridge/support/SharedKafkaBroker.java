package io.kubeeventbridge.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The one embedded broker of the integration tests: every test class that declares it shares one Spring context and
 * one broker. With one broker, transactions need the transaction state log at replication factor 1 and min ISR 1
 * (Kafka's defaults, 3 and 2, would leave every transaction waiting for replicas that do not exist).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@EmbeddedKafka(
        partitions = 1,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = {"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
public @interface SharedKafkaBroker {}
