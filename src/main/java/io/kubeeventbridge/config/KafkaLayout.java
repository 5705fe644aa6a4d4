package io.kubeeventbridge.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events are laid out on Kafka.
 *
 * @param topicTemplate topic name per resource type; placeholders {@code {group}} ({@code core} for the core group),
 *     {@code {version}}, {@code {kind}} (lower case) and {@code {resource}} (the plural)
 * @param contentMode CloudEvents Kafka binding: {@code binary} (attributes in headers, object as value) or
 *     {@code structured} (one JSON envelope as value)
 * @param tombstones whether a record with a null value follows each delete event, so that compacted topics forget
 *     deleted objects
 */
public record KafkaLayout(
        @DefaultValue(TopicTemplate.DEFAULT) @NotNull String topicTemplate,
        @DefaultValue("binary") @NotNull ContentMode contentMode,
        @DefaultValue("true") boolean tombstones) {

    /** The two content modes of the CloudEvents Kafka protocol binding. */
    public enum ContentMode {
        BINARY,
        STRUCTURED
    }
}
