package io.kubeeventbridge.publish;

import io.kubeeventbridge.config.KafkaLayout;
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

    public TopicNames(KafkaLayout layout, String clusterName) {
        this.template = layout.topicTemplate();
        this.checkpointTopic = layout.checkpointTopic().replace("{cluster}", clusterName);
    }

    public String checkpointTopic() {
        return checkpointTopic;
    }

    public String topicFor(ResourceProperties entry, ResourceType type) {
        return entry.topic() != null ? entry.topic() : TopicTemplate.expand(template, type);
    }
}
