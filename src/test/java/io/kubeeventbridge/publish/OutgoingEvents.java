package io.kubeeventbridge.publish;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.kubeeventbridge.event.EventExtensions;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/** Small events for publisher tests: the id carries the object's state, the type its operation. */
final class OutgoingEvents {

    static final String TOPIC = "k8s.core.pod";
    static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);

    private OutgoingEvents() {}

    static OutgoingEvent event(String key, Operation operation, int resourceVersion) {
        String id = "uid-" + key + "/" + resourceVersion + (operation == Operation.DELETED ? "/deleted" : "");
        return new OutgoingEvent(
                TOPIC,
                key,
                CloudEventBuilder.v1()
                        .withId(id)
                        .withSource(URI.create("k8s://test"))
                        .withType("io.k8s.core.pod." + operation.typeSegment())
                        .withTime(OffsetDateTime.now())
                        .withExtension(EventExtensions.UID, "uid-" + key)
                        .withExtension(EventExtensions.RESOURCE_VERSION, Integer.toString(resourceVersion))
                        .withData(
                                "application/json",
                                ("{\"rv\":" + resourceVersion + "}").getBytes(StandardCharsets.UTF_8))
                        .build(),
                PODS,
                operation,
                null);
    }
}
