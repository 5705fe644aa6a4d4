package io.kubeeventbridge.publish;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup stopped by producer settings Kafka refuses, without a stack trace. */
final class InvalidProducerSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidProducerSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidProducerSettingsException cause) {
        String problems =
                cause.problems().stream().map(problem -> "    " + problem).collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                "Kafka refuses the producer settings, so every event would fail to send:\n\n" + problems,
                "Correct the properties above (spring.kafka.producer.*, spring.kafka.properties.*) and start again.",
                cause);
    }
}
