package io.kubeeventbridge.selector;

import io.kubeeventbridge.selector.FieldRequirement.Operator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes' {@code fields.ParseSelector}: terms split at unescaped commas, empty terms skipped, each term split at
 * its first {@code !=}, {@code ==} or {@code =}, and the value unescaped ({@code \\}, {@code \,}, {@code \=}).
 */
final class FieldSelectorParser {

    private static final String ESCAPES = "the only escapes are \"\\\\\", \"\\,\" and \"\\=\"";

    private final String input;

    private FieldSelectorParser(String input) {
        this.input = input;
    }

    /** The requirements sorted by their text, as Kubernetes sorts its terms. */
    static List<FieldRequirement> parse(String input) {
        return new FieldSelectorParser(input).terms();
    }

    private List<FieldRequirement> terms() {
        List<FieldRequirement> requirements = new ArrayList<>();
        int start = 0;
        boolean escaped = false;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ',') {
                term(start, i).ifPresent(requirements::add);
                start = i + 1;
            }
        }
        term(start, input.length()).ifPresent(requirements::add);
        requirements.sort(Comparator.comparing(FieldRequirement::toString));
        return requirements;
    }

    private Optional<FieldRequirement> term(int start, int end) {
        if (start == end) {
            return Optional.empty();
        }
        for (int i = start; i < end; i++) {
            if (input.startsWith("!=", i)) {
                return Optional.of(requirement(start, i, Operator.NOT_EQUALS, i + 2, end));
            }
            if (input.startsWith("==", i)) {
                return Optional.of(requirement(start, i, Operator.EQUALS, i + 2, end));
            }
            if (input.charAt(i) == '=') {
                return Optional.of(requirement(start, i, Operator.EQUALS, i + 1, end));
            }
        }
        throw new SelectorSyntaxException(
                input,
                start,
                "term " + SelectorSyntaxException.quoteToken(input.substring(start, end)),
                " has no operator; expected field=value, field==value or field!=value");
    }

    private FieldRequirement requirement(int start, int operatorAt, Operator operator, int valueAt, int end) {
        String field = input.substring(start, operatorAt);
        if (field.isEmpty()) {
            throw new SelectorSyntaxException(
                    input,
                    start,
                    "term " + SelectorSyntaxException.quoteToken(input.substring(start, end)),
                    " has no field name before the operator");
        }
        Optional<String> problem = FieldRequirement.fieldProblem(field);
        if (problem.isPresent()) {
            throw new SelectorSyntaxException(
                    input, start, "field name " + SelectorSyntaxException.quoteToken(field), " " + problem.get());
        }
        return new FieldRequirement(field, operator, unescape(valueAt, end));
    }

    private String unescape(int start, int end) {
        var value = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = input.charAt(i);
            if (c == '\\') {
                if (i + 1 == end) {
                    throw new SelectorSyntaxException(input, i, "unfinished escape \"\\\"", "; " + ESCAPES);
                }
                char escaped = input.charAt(++i);
                if ("\\,=".indexOf(escaped) < 0) {
                    throw new SelectorSyntaxException(
                            input, i - 1, "invalid escape \"\\" + escaped + "\"", "; " + ESCAPES);
                }
                value.append(escaped);
            } else if (c == '=') {
                // A comma here would have ended the term, so only "=" can be unescaped.
                throw new SelectorSyntaxException(
                        input, i, "unescaped \"=\"", "; write \"\\=\" for a literal \"=\" in a value");
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }
}
