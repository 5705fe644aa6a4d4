package io.kubeeventbridge.event;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
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
 *
 * <p>A {@link PartlyDecodedResource} (an object listed or watched) holds its members other than apiVersion, kind and
 * metadata already written by the same rules ({@link #copyMember}, straight from the parser that read them): they are
 * copied.
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
        byte[] encodedMembers = object instanceof PartlyDecodedResource partly ? partly.encodedMembers() : null;
        if (encodedMembers != null) {
            json.write(encodedMembers, 0, encodedMembers.length);
        } else if (object.getAdditionalProperties() != null) {
            for (Map.Entry<String, Object> field :
                    object.getAdditionalProperties().entrySet()) {
                if (!TYPE_FIELDS.contains(field.getKey())) {
                    json.writeByte(',');
                    writeName(json, field.getKey());
                    writeValue(json, field.getValue());
                }
            }
        }
        json.writeByte('}');
        return json.toByteArray();
    }

    /**
     * Writes {@code ,"name":value}, the value read from the parser at its first token, as {@link #encode} writes it
     * once decoded: strings, integers, booleans and nulls copied, anything else decoded by {@code context} as
     * fabric8 decodes the members of an object and written as that would be. An object member with a repeated key
     * keeps each, where a decoded one keeps the last; no API server writes one.
     */
    static void copyMember(JsonBytes json, String name, JsonParser parser, DeserializationContext context) {
        json.writeByte(',');
        writeName(json, name);
        copyValue(json, parser, context);
    }

    private static void copyValue(JsonBytes json, JsonParser parser, DeserializationContext context) {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                json.writeByte('{');
                String separator = "";
                for (JsonToken token = parser.nextToken();
                        token == JsonToken.PROPERTY_NAME;
                        token = parser.nextToken()) {
                    json.writeAscii(separator);
                    separator = ",";
                    writeName(json, parser.currentName());
                    parser.nextToken();
                    copyValue(json, parser, context);
                }
                json.writeByte('}');
            }
            case START_ARRAY -> {
                json.writeByte('[');
                String separator = "";
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    json.writeAscii(separator);
                    separator = ",";
                    copyValue(json, parser, context);
                }
                json.writeByte(']');
            }
            case VALUE_STRING -> {
                if (!json.writePlainString(
                        parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())) {
                    WRITER.writeValue(json, parser.getText());
                }
            }
            case VALUE_TRUE -> json.writeAscii("true");
            case VALUE_FALSE -> json.writeAscii("false");
            case VALUE_NULL -> json.writeAscii("null");
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    WRITER.writeValue(json, parser.getBigIntegerValue());
                } else {
                    json.writeNumber(parser.getLongValue());
                }
            }
            default -> writeValue(json, context.readValue(parser, Object.class));
        }
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
            writeName(json, name);
            writeValue(json, entry.getValue());
        }
        json.writeByte('}');
    }

    private static void writeName(JsonBytes json, String name) {
        writeString(json, name);
        json.writeByte(':');
    }

    private static void writeString(JsonBytes json, String text) {
        if (!json.writePlainString(text)) {
            WRITER.writeValue(json, text);
        }
    }
}
