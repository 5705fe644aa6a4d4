package io.kubeeventbridge.predicate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random states for comparing the text-based comparison and fingerprint with the tree-based ones: changes of a tree
 * (values of other types, keys added and removed, elements appended), and texts of one tree written in the ways JSON
 * allows (keys in any order, whitespace, escapes, a repeated key, numbers such as {@code -0} and {@code 2.50}).
 */
final class JsonVariants {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ODD_TEXTS =
            List.of("é", "a\"b", "tab\tnew\nline", "</script>", "😀", "back\\slash", "\u0001", "~0/1", "");

    private final Random random;

    JsonVariants(long seed) {
        this.random = new Random(seed);
    }

    /** {@code state} with one to three random changes. */
    JsonNode changed(JsonNode state) {
        JsonNode copy = state.deepCopy();
        for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
            change(copy);
        }
        return copy;
    }

    /** One of the texts of {@code state}. */
    String text(JsonNode state) {
        StringBuilder text = new StringBuilder();
        write(state, text);
        return text.toString();
    }

    private void change(JsonNode state) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(state, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object) {
            List<String> keys = new ArrayList<>(object.propertyNames());
            switch (random.nextInt(3)) {
                case 0 -> object.set(pick(ODD_TEXTS) + random.nextInt(3), value());
                case 1 -> {
                    if (!keys.isEmpty()) {
                        object.remove(pick(keys));
                    }
                }
                default -> {
                    if (!keys.isEmpty()) {
                        object.set(pick(keys), value());
                    }
                }
            }
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(value());
            } else {
                array.set(random.nextInt(array.size()), value());
            }
        }
    }

    private JsonNode value() {
        return switch (random.nextInt(10)) {
            case 0 -> NODES.numberNode(random.nextInt(3) - 1);
            case 1 -> NODES.numberNode(random.nextInt(3) + 0.5);
            case 2 -> NODES.numberNode(1.0);
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> NODES.objectNode();
            case 6 -> NODES.arrayNode();
            case 7 -> NODES.objectNode().set("inner", NODES.objectNode().put("leaf", pick(ODD_TEXTS)));
            case 8 -> NODES.numberNode(Long.MAX_VALUE - random.nextInt(2));
            default -> NODES.stringNode(pick(ODD_TEXTS) + random.nextInt(2));
        };
    }

    private void write(JsonNode value, StringBuilder text) {
        space(text);
        if (value.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(value.properties());
            if (random.nextInt(4) == 0) {
                Collections.shuffle(members, random);
            }
            text.append('{');
            for (int index = 0; index < members.size(); index++) {
                if (index > 0) {
                    text.append(',');
                }
                if (random.nextInt(40) == 0) {
                    member(members.get(index).getKey(), NODES.stringNode("replaced by the next"), text);
                    text.append(',');
                }
                member(members.get(index).getKey(), members.get(index).getValue(), text);
            }
            space(text);
            text.append('}');
        } else if (value.isArray()) {
            text.append('[');
            for (int index = 0; index < value.size(); index++) {
                text.append(index > 0 ? "," : "");
                write(value.get(index), text);
            }
            space(text);
            text.append(']');
        } else if (value.isString()) {
            string(value.asString(), text);
        } else {
            text.append(number(value));
        }
        space(text);
    }

    private void member(String key, JsonNode value, StringBuilder text) {
        space(text);
        string(key, text);
        space(text);
        text.append(':');
        write(value, text);
    }

    private String number(JsonNode value) {
        String written = value.toString();
        if (value.isIntegralNumber() && value.asLong() == 0 && random.nextBoolean()) {
            return "-0";
        }
        if (value.isFloatingPointNumber() && random.nextBoolean()) {
            return written + "0";
        }
        return written;
    }

    /** Every character that must be escaped is, and now and then one that need not be (but half a pair). */
    private void string(String value, StringBuilder text) {
        text.append('"');
        for (char character : value.toCharArray()) {
            if (character == '"' || character == '\\') {
                text.append('\\').append(character);
            } else if (character == '/' && random.nextBoolean()) {
                text.append("\\/");
            } else if (character < 0x20 || (!Character.isSurrogate(character) && random.nextInt(30) == 0)) {
                text.append(String.format("\\u%04x", (int) character));
            } else {
                text.append(character);
            }
        }
        text.append('"');
    }

    private void space(StringBuilder text) {
        if (random.nextInt(20) == 0) {
            text.append(random.nextBoolean() ? " " : "\n\t");
        }
    }

    private static void collectContainers(JsonNode value, List<JsonNode> containers) {
        if (value.isContainer()) {
            containers.add(value);
            value.forEach(child -> collectContainers(child, containers));
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
