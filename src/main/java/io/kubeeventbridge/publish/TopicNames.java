package io.kubeeventbridge.publish;

import io.kubeeventbridge.config.KafkaSettings;
import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.config.TopicTemplate;
import io.kubeeventbridge.event.ResourceType;

/**
 * Names the topic of each watched resource (the entry's own {@code topic}, or the template expanded) and the
 * checkpoint topic.
 */
public final class TopicNames {

    private final String template;
    private final String checkpointTopic;

    public TopicNames(KafkaSettings kafka, String clusterName) {
        this.template = kafka.topicTemplate();
        this.checkpointTopic = kafka.checkpointTopic().replace("{cluster}", clusterName);
    }

    public String checkpointTopic() {
        return checkpointTopic;
    }

    public String topicFor(ResourceProperties entry, ResourceType type) {
        return entry.topic() != null ? entry.topic() : TopicTemplate.expand(template, type);
    }
}
