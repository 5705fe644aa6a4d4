package io.kubeeventbridge.publish;

import java.util.List;

/** Stops startup when Kafka would refuse the producer's settings. */
final class InvalidProducerSettingsException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidProducerSettingsException(List<String> problems) {
        super("Kafka refuses the producer settings: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
