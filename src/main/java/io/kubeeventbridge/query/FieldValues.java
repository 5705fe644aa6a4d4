package io.kubeeventbridge.query;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
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

    private final GenericKubernetesResource object;

    FieldValues(GenericKubernetesResource object) {
        this.object = object;
    }

    @Override
    public String apply(String path) {
        String[] segments = path.split("\\.");
        if (segments[0].equals("metadata")) {
            return metadata(segments);
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

    private String metadata(String[] segments) {
        if (segments.length == 2 && segments[1].equals("name")) {
            return object.getMetadata().getName();
        }
        if (segments.length == 2 && segments[1].equals("namespace")) {
            return object.getMetadata().getNamespace();
        }
        // Rare: other metadata fields, read through the model's JSON form.
        Map<?, ?> metadata = METADATA_MAPPER.convertValue(object.getMetadata(), Map.class);
        return scalar(navigate(metadata, segments, 1));
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
