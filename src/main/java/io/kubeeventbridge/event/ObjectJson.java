package io.kubeeventbridge.event;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes a Kubernetes object as the compact JSON an event carries as its data and the cache keeps: apiVersion
 * and kind first, as Kubernetes writes them, then metadata, then the other fields in the order the object holds them.
 * Safe to share between threads.
 *
 * <p>The bytes are those Jackson's databind writes for the object, with less work: the maps, lists, strings, integers,
 * booleans and nulls fabric8 decodes an object into are written straight into a buffer ({@link JsonBytes}), where
 * Jackson's generator checks its state and buffer for every token and databind looks up a serialiser for every
 * value. Metadata, a typed bean, values of any other type (numbers with a fraction, values code put there), maps with
 * keys that are no strings and strings that need escaping still go through databind, so they come out as they always
 * did.
 */
public final class ObjectJson {

    // Written first, so never again from the additional properties (only code can put them there): JSON with a
    // repeated key means different things to different readers.
    private static final Set<String> TYPE_FIELDS = Set.of("apiVersion", "kind", "metadata");

    // A plain mapper of its own: spring.jackson.* settings must never change the payload.
    private static final ObjectWriter WRITER = JsonMapper.shared().writer();

    private ObjectJson() {}

    /**
     * @param apiVersion written as the object's apiVersion, whatever the object holds
     * @param kind written as the object's kind, whatever the object holds
     * @throws JacksonException when a value cannot be written as JSON
     */
    public static byte[] encode(GenericKubernetesResource object, String apiVersion, String kind) {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        JsonBytes json = JsonBytes.ofThisThread();
        json.writeAscii("{\"apiVersion\":");
        writeString(json, apiVersion);
        json.writeAscii(",\"kind\":");
        writeString(json, kind);
        if (object.getMetadata() != null) {
            json.writeAscii(",\"metadata\":");
            WRITER.writeValue(json, object.getMetadata());
        }
        if (object.getAdditionalProperties() != null) {
            for (Map.Entry<String, Object> field :
                    object.getAdditionalProperties().entrySet()) {
                if (!TYPE_FIELDS.contains(field.getKey())) {
                    json.writeByte(',');
                    writeString(json, field.getKey());
                    json.writeByte(':');
                    writeValue(json, field.getValue());
                }
            }
        }
        json.writeByte('}');
        return json.toByteArray();
    }

    private static void writeValue(JsonBytes json, Object value) {
        if (value instanceof String text) {
            writeString(json, text);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(json, map);
        } else if (value instanceof Collection<?> values) {
            json.writeByte('[');
            boolean first = true;
            for (Object element : values) {
                if (!first) {
                    json.writeByte(',');
                }
                first = false;
                writeValue(json, element);
            }
            json.writeByte(']');
        } else if (value instanceof Integer || value instanceof Long) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean flag) {
            json.writeAscii(flag ? "true" : "false");
        } else if (value == null) {
            json.writeAscii("null");
        } else {
            WRITER.writeValue(json, value);
        }
    }

    private static void writeMap(JsonBytes json, Map<?, ?> map) {
        int start = json.mark();
        json.writeByte('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String name)) {
                // Only code puts other keys in a map (a decoded object has none): databind names them as it always did.
                json.reset(start);
                WRITER.writeValue(json, map);
                return;
            }
            if (!first) {
                json.writeByte(',');
            }
            first = false;
            writeString(json, name);
            json.writeByte(':');
            writeValue(json, entry.getValue());
        }
        json.writeByte('}');
    }

    private static void writeString(JsonBytes json, String text) {
        if (!json.writePlainString(text)) {
            WRITER.writeValue(json, text);
        }
    }
}
