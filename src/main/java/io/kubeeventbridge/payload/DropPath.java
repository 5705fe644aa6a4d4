package io.kubeeventbridge.payload;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON pointer (RFC 6901) to a part of an object that the bridge drops, such as {@code /status/conditions} or
 * {@code /metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration}.
 *
 * <p>Removal never modifies a map or list in place: it copies the containers along the path, so objects built from
 * immutable collections are as safe to filter as those Jackson reads from the API server.
 */
public record DropPath(String pointer, List<String> tokens) {

    /** What identifies an object and its events; dropping any of it would break keys, ids and the cache. */
    private static final Set<String> PROTECTED = Set.of(
            "",
            "/apiVersion",
            "/kind",
            "/metadata",
            "/metadata/name",
            "/metadata/namespace",
            "/metadata/uid",
            "/metadata/resourceVersion");

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    public DropPath {
        tokens = List.copyOf(tokens);
    }

    /** @throws IllegalArgumentException saying what is wrong, when {@code pointer} cannot be dropped */
    public static DropPath parse(String pointer) {
        List<String> tokens = JsonPointer.tokens(pointer);
        String normalised = "/" + String.join("/", tokens);
        if (PROTECTED.contains(normalised)) {
            throw new IllegalArgumentException("would drop " + normalised
                    + ", which identifies the object; apiVersion, kind, metadata.name, metadata.namespace, "
                    + "metadata.uid and metadata.resourceVersion are always kept");
        }
        return new DropPath(pointer, tokens);
    }

    /** Removes what this pointer designates from {@code object}, if present. */
    void removeFrom(GenericKubernetesResource object) {
        if (tokens.get(0).equals("metadata")) {
            removeFromMetadata(object);
            return;
        }
        // Everything but apiVersion, kind and metadata lives in the additional properties of a generic resource.
        Map<String, Object> properties = object.getAdditionalProperties();
        Object replaced = without(properties, 0);
        if (replaced != properties) {
            object.setAdditionalProperties(castToProperties(replaced));
        }
    }

    private void removeFromMetadata(GenericKubernetesResource object) {
        ObjectMeta metadata = object.getMetadata();
        if (metadata == null) {
            return;
        }
        Map<String, Object> tree = MAPPER.convertValue(metadata, MAP);
        Object replaced = without(tree, 1);
        if (replaced != tree) {
            object.setMetadata(MAPPER.convertValue(replaced, ObjectMeta.class));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castToProperties(Object map) {
        return (Map<String, Object>) map;
    }

    /** {@code node} without the target of {@code tokens[index..]}: the same instance when there is nothing to drop. */
    private Object without(Object node, int index) {
        String token = tokens.get(index);
        boolean last = index == tokens.size() - 1;
        if (node instanceof Map<?, ?> map) {
            if (!map.containsKey(token)) {
                return node;
            }
            Object child = last ? null : without(map.get(token), index + 1);
            if (!last && child == map.get(token)) {
                return node;
            }
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            if (last) {
                copy.remove(token);
            } else {
                copy.put(token, child);
            }
            return copy;
        }
        if (node instanceof List<?> list) {
            int position = arrayIndex(token);
            if (position < 0 || position >= list.size()) {
                return node;
            }
            Object child = last ? null : without(list.get(position), index + 1);
            if (!last && child == list.get(position)) {
                return node;
            }
            List<Object> copy = new ArrayList<>(list);
            if (last) {
                copy.remove(position);
            } else {
                copy.set(position, child);
            }
            return copy;
        }
        return node;
    }

    private static int arrayIndex(String token) {
        if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return token.length() > 1 && token.startsWith("0") ? -1 : Integer.parseInt(token);
    }

    @Override
    public String toString() {
        return pointer;
    }
}
