package io.kubeeventbridge.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Compares events the way a consumer sees them: every attribute, every extension, and the data as JSON. */
final class CloudEventAssertions {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private CloudEventAssertions() {}

    static void assertSameEvent(CloudEvent actual, CloudEvent expected) {
        assertThat(consumerView(actual)).isEqualTo(consumerView(expected));
    }

    static Map<String, Object> extensionsOf(CloudEvent event) {
        Map<String, Object> extensions = new TreeMap<>();
        event.getExtensionNames().forEach(name -> extensions.put(name, event.getExtension(name)));
        return extensions;
    }

    static JsonNode json(byte[] bytes) {
        return JSON.readTree(bytes);
    }

    // One map, so that a failure lists every difference at once.
    private static Map<String, Object> consumerView(CloudEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("specversion", event.getSpecVersion());
        view.put("id", event.getId());
        view.put("type", event.getType());
        view.put("source", event.getSource());
        view.put("subject", event.getSubject());
        view.put("time", event.getTime());
        view.put("datacontenttype", event.getDataContentType());
        view.put("dataschema", event.getDataSchema());
        view.put("extensions", extensionsOf(event));
        view.put("data", event.getData() == null ? null : json(event.getData().toBytes()));
        return view;
    }
}
