package io.kubeeventbridge.publish;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.kubeeventbridge.event.EventExtensions;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reference events: the same event with the object reduced to what identifies it (apiVersion, kind, name, namespace,
 * uid, resourceVersion), for objects too large for the broker. Built from the event's own extensions, so nothing
 * needs to parse the oversized payload again.
 */
final class ReferenceEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReferenceEvents() {}

    static boolean isTruncated(OutgoingEvent event) {
        return event.event().getExtension(EventExtensions.TRUNCATED) != null;
    }

    static OutgoingEvent truncated(OutgoingEvent oversized) {
        CloudEvent event = oversized.event();
        CloudEvent reference = CloudEventBuilder.v1(event)
                .withData("application/json", referenceJson(event))
                .withExtension(EventExtensions.TRUNCATED, true)
                .build();
        return new OutgoingEvent(
                oversized.topic(), oversized.key(), reference, oversized.resource(), oversized.operation());
    }

    private static byte[] referenceJson(CloudEvent event) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", event.getExtension(EventExtensions.NAME));
        Object namespace = event.getExtension(EventExtensions.NAMESPACE);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        metadata.put("uid", event.getExtension(EventExtensions.UID));
        metadata.put("resourceVersion", event.getExtension(EventExtensions.RESOURCE_VERSION));
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("apiVersion", event.getExtension(EventExtensions.API_VERSION));
        reference.put("kind", event.getExtension(EventExtensions.KIND));
        reference.put("metadata", metadata);
        return JSON.writeValueAsBytes(reference);
    }
}
