package io.kubeeventbridge.event;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes a Kubernetes object as the compact JSON an event carries as its data and the cache keeps: apiVersion
 * and kind first, as Kubernetes writes them, then metadata, then the other fields in the order the object holds them.
 * Safe to share between threads.
 *
 * <p>The bytes are those Jackson's databind writes for the object, with less work: it walks the maps, lists,
 * strings, integers, booleans and nulls fabric8 decodes an object into straight onto the generator, where databind
 * looks up and calls a serialiser for every value. Metadata, a typed bean, and values of any other type (numbers with
 * a fraction, values code put there) still go through databind, so they come out as they always did.
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
        ExactBytes bytes = new ExactBytes();
        try (JsonGenerator json = WRITER.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringProperty("apiVersion", apiVersion);
            json.writeStringProperty("kind", kind);
            if (object.getMetadata() != null) {
                json.writePOJOProperty("metadata", object.getMetadata());
            }
            if (object.getAdditionalProperties() != null) {
                for (Map.Entry<String, Object> field :
                        object.getAdditionalProperties().entrySet()) {
                    if (!TYPE_FIELDS.contains(field.getKey())) {
                        json.writeName(field.getKey());
                        writeValue(json, field.getValue());
                    }
                }
            }
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /**
     * Collects what the generator writes. The generator buffers up to 8,000 bytes and writes them on close, so most
     * objects arrive in one write: kept in an array of exactly that size, which is the result. Bigger objects grow the
     * array by doubling and are trimmed once. (A ByteArrayOutputStream would allocate every object twice over.)
     */
    private static final class ExactBytes extends OutputStream {

        private byte[] buffer = new byte[0];
        private int count;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (count + length > buffer.length) {
                buffer = Arrays.copyOf(buffer, count == 0 ? length : Math.max(count + length, buffer.length * 2));
            }
            System.arraycopy(bytes, offset, buffer, count, length);
            count += length;
        }

        byte[] toByteArray() {
            return count == buffer.length ? buffer : Arrays.copyOf(buffer, count);
        }
    }

    private static void writeValue(JsonGenerator json, Object value) {
        if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writeName(json, entry.getKey());
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> values) {
            json.writeStartArray();
            for (Object element : values) {
                writeValue(json, element);
            }
            json.writeEndArray();
        } else if (value instanceof Integer number) {
            json.writeNumber(number.intValue());
        } else if (value instanceof Long number) {
            json.writeNumber(number.longValue());
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value == null) {
            json.writeNull();
        } else {
            json.writePOJO(value);
        }
    }

    private static void writeName(JsonGenerator json, Object key) {
        if (key instanceof String name) {
            json.writeName(name);
            return;
        }
        // Only code puts other keys in a map (a decoded object has none): databind names them as it always did.
        SerializationContext context = (SerializationContext) json.objectWriteContext();
        var keySerializer = key == null
                ? context.findNullKeySerializer(context.constructType(Object.class), null)
                : context.findKeySerializer(key.getClass(), null);
        keySerializer.serialize(key, json, context);
    }
}
