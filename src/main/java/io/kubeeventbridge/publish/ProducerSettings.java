package io.kubeeventbridge.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigException;
import org.springframework.core.env.Environment;

/**
 * Checks the producer's settings at startup the way the producer checks them when the first send creates it: a value
 * Kafka refuses would fail every send, forever, while health stayed UP.
 */
final class ProducerSettings {

    private ProducerSettings() {}

    /**
     * @param settings the producer's configuration, as Spring Boot built it from {@code spring.kafka.*}
     * @param environment where the settings came from, to name the properties to correct
     * @throws InvalidProducerSettingsException naming every setting Kafka refuses
     */
    static void requireValid(Map<String, Object> settings, Environment environment) {
        List<String> problems = new ArrayList<>();
        Map<String, ConfigKey> known = ProducerConfig.configDef().configKeys();
        settings.forEach((name, value) -> {
            ConfigKey key = known.get(name);
            if (key == null) {
                return; // the producer ignores what it does not know, with a warning
            }
            try {
                Object parsed = ConfigDef.parseType(name, value, key.type);
                if (key.validator != null) {
                    key.validator.ensureValid(name, parsed);
                }
            } catch (ConfigException e) {
                problems.add(propertyOf(name, environment) + ": " + e.getMessage());
            }
        });
        if (problems.isEmpty()) {
            try {
                // What only settings together can break, such as acks=1 with idempotence on.
                new ProducerConfig(settings);
            } catch (ConfigException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidProducerSettingsException(problems);
        }
    }

    /** The Spring property a producer setting was most likely set with, or the setting's own name. */
    private static String propertyOf(String setting, Environment environment) {
        String dashed = setting.replace('.', '-');
        return Stream.of(
                        "spring.kafka.producer.properties." + setting,
                        "spring.kafka.properties." + setting,
                        "spring.kafka.producer." + dashed,
                        "spring.kafka." + dashed)
                .filter(environment::containsProperty)
                .findFirst()
                .orElse("Kafka producer setting " + setting);
    }
}
