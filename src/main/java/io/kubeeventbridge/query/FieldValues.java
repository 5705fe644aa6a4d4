package io.kubeeventbridge.query;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.informer.CachedObject;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * An object's fields by dotted path, for field selectors: {@code metadata.name}, {@code metadata.namespace}, and any
 * path into the object such as {@code status.phase} or {@code spec.nodeName}. Only scalar fields have a value;
 * absent fields, objects and arrays have none (a selector treats that as the empty string).
 */
final class FieldValues implements Function<String, String> {

    private static final JsonMapper METADATA_MAPPER = JsonMapper.shared();

    private final CachedObject cached;
    private GenericKubernetesResource decoded;
    private Map<?, ?> metadata;

    FieldValues(CachedObject cached) {
        this.cached = cached;
    }

    @Override
    public String apply(String path) {
        // The fields selectors use most are kept beside the JSON; anything else needs the object decoded, once.
        if (path.equals("metadata.name")) {
            return cached.name();
        }
        if (path.equals("metadata.namespace")) {
            return cached.namespace();
        }
        // -1 keeps empty segments, so that "." or "a." name no field rather than no segment at all.
        String[] segments = path.split("\\.", -1);
        GenericKubernetesResource object = decoded();
        if (segments[0].equals("metadata")) {
            return scalar(navigate(metadata(), segments, 1));
        }
        Object value = navigate(object.getAdditionalProperties(), segments, 0);
        if (value == null && segments.length == 1) {
            value = switch (segments[0]) {
                case "apiVersion" -> object.getApiVersion();
                case "kind" -> object.getKind();
                default -> null;
            };
        }
        return scalar(value);
    }

    private GenericKubernetesResource decoded() {
        if (decoded == null) {
            decoded = cached.decode();
        }
        return decoded;
    }

    /** Rare: other metadata fields, read through the model's JSON form, converted once for all of a selector's terms. */
    private Map<?, ?> metadata() {
        if (metadata == null) {
            metadata = METADATA_MAPPER.convertValue(decoded().getMetadata(), Map.class);
        }
        return metadata;
    }

    private static Object navigate(Map<?, ?> map, String[] segments, int from) {
        Object current = map;
        for (int index = from; index < segments.length; index++) {
            if (!(current instanceof Map<?, ?> level)) {
                return null;
            }
            current = level.get(segments[index]);
        }
        return current;
    }

    private static String scalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? String.valueOf(value)
                : null;
    }
}
