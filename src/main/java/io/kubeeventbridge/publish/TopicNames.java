package io.kubeeventbridge.publish;

import io.kubeeventbridge.config.KafkaLayout;
import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.config.TopicTemplate;
import io.kubeeventbridge.event.ResourceType;

/** Names the topic of each watched resource: the entry's own {@code topic}, or the template expanded. */
public final class TopicNames {

    private final String template;

    public TopicNames(KafkaLayout layout) {
        this.template = layout.topicTemplate();
    }

    public String topicFor(ResourceProperties entry, ResourceType type) {
        return entry.topic() != null ? entry.topic() : TopicTemplate.expand(template, type);
    }
}
