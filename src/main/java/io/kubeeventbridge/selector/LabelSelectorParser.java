package io.kubeeventbridge.selector;

import io.kubeeventbridge.selector.LabelSelectorLexer.Kind;
import io.kubeeventbridge.selector.LabelSelectorLexer.Token;
import io.kubeeventbridge.selector.Requirement.Operator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recursive descent over the grammar of Kubernetes' {@code labels.Parse}, accepting and rejecting the same inputs
 * but reporting the first problem with its position:
 *
 * <pre>
 * selector    = requirement *( "," requirement )
 * requirement = "!" KEY | KEY [ ( "=" | "==" | "!=" | "&gt;" | "&lt;" ) [VALUE] | ( "in" | "notin" ) set ]
 * set         = "(" [VALUE] *( "," [VALUE] ) ")"
 * </pre>
 */
final class LabelSelectorParser {

    private static final Map<String, Operator> EXACT_OPERATORS = Map.of(
            "=", Operator.EQUALS,
            "==", Operator.EQUALS,
            "!=", Operator.NOT_EQUALS,
            ">", Operator.GREATER_THAN,
            "<", Operator.LESS_THAN);

    private static final String OPERATORS = "\"=\", \"==\", \"!=\", \"in\", \"notin\", \">\" or \"<\"";

    private final String input;
    private final List<Token> tokens;
    private int next;

    private LabelSelectorParser(String input) {
        this.input = input;
        this.tokens = LabelSelectorLexer.tokenize(input);
    }

    /** The requirements, sorted by key as Kubernetes sorts them; empty for whitespace-only input. */
    static List<Requirement> parse(String input) {
        return new LabelSelectorParser(input).selector();
    }

    private List<Requirement> selector() {
        List<Requirement> requirements = new ArrayList<>();
        if (peek().kind() == Kind.END) {
            return requirements;
        }
        while (true) {
            requirements.add(requirement());
            Token separator = take();
            if (separator.kind() == Kind.END) {
                requirements.sort(Comparator.comparing(Requirement::key));
                return requirements;
            }
            if (separator.kind() != Kind.COMMA) {
                throw unexpected(separator, "\",\" or end of input");
            }
        }
    }

    private Requirement requirement() {
        Token first = take();
        if (first.is(Kind.OPERATOR, "!")) {
            String key = key(take(), "a label key after \"!\"");
            if (!endsRequirement(peek())) {
                throw unexpected(peek(), "\",\" or end of input, as \"!" + key + "\" takes no value");
            }
            return new Requirement(key, Operator.DOES_NOT_EXIST, List.of());
        }
        String key = key(first, "a label key, optionally preceded by \"!\"");
        if (endsRequirement(peek())) {
            return new Requirement(key, Operator.EXISTS, List.of());
        }
        Token operator = take();
        if (operator.is(Kind.IDENTIFIER, "in") || operator.is(Kind.IDENTIFIER, "notin")) {
            Operator setOperator = operator.text().equals("in") ? Operator.IN : Operator.NOT_IN;
            return new Requirement(key, setOperator, set(operator));
        }
        if (operator.kind() == Kind.OPERATOR) {
            Operator exactOperator = EXACT_OPERATORS.get(operator.text());
            if (exactOperator == null) {
                throw new SelectorSyntaxException(
                        input,
                        operator.position(),
                        "unknown operator " + operator.describe(),
                        "; expected " + OPERATORS);
            }
            return new Requirement(key, exactOperator, List.of(exactValue(exactOperator)));
        }
        throw unexpected(operator, "an operator (" + OPERATORS + "), \",\" or end of input");
    }

    private String key(Token token, String expected) {
        if (token.kind() != Kind.IDENTIFIER) {
            throw unexpected(token, expected);
        }
        Optional<String> problem = LabelRules.keyProblem(token.text());
        if (problem.isPresent()) {
            throw invalid("label key", token.text(), token.position(), problem.get());
        }
        return token.text();
    }

    /** The value after {@code =}, {@code ==}, {@code !=}, {@code >} or {@code <}. */
    private String exactValue(Operator operator) {
        Token token = peek();
        String value;
        if (token.kind() == Kind.IDENTIFIER) {
            value = take().text();
        } else if (endsRequirement(token)) {
            value = ""; // as in "tier=" or "tier=,app"
        } else {
            throw unexpected(token, "a label value");
        }
        checkValue(value, operator, token.position());
        return value;
    }

    /**
     * The values between parentheses, in input order; the requirement sorts them and drops duplicates. Kubernetes
     * reads an empty item, as in {@code ()} or {@code (a,)}, as the empty value.
     */
    private List<String> set(Token operator) {
        Token open = take();
        if (open.kind() != Kind.OPEN_PARENTHESIS) {
            throw unexpected(open, "\"(\" after \"" + operator.text() + "\"");
        }
        List<String> values = new ArrayList<>();
        while (true) {
            Token token = take();
            boolean hasValue = token.kind() == Kind.IDENTIFIER;
            if (hasValue) {
                checkValue(token.text(), Operator.IN, token.position());
                values.add(token.text());
                token = take();
            } else {
                values.add("");
            }
            if (token.kind() == Kind.CLOSE_PARENTHESIS) {
                return values;
            }
            if (token.kind() != Kind.COMMA) {
                throw unexpected(token, hasValue ? "\",\" or \")\"" : "a label value, \",\" or \")\"");
            }
        }
    }

    private void checkValue(String value, Operator operator, int position) {
        Optional<String> problem = LabelRules.valueProblem(value, operator);
        if (problem.isPresent()) {
            throw invalid("label value", value, position, problem.get());
        }
    }

    private static boolean endsRequirement(Token token) {
        return token.kind() == Kind.COMMA || token.kind() == Kind.END;
    }

    private Token peek() {
        return tokens.get(next);
    }

    /** The next token; the END token is never passed, so callers may take past it without bounds checks. */
    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private SelectorSyntaxException unexpected(Token found, String expected) {
        return SelectorSyntaxException.unexpected(input, found.position(), found.describe(), expected);
    }

    private SelectorSyntaxException invalid(String what, String text, int position, String problem) {
        return new SelectorSyntaxException(
                input, position, what + " " + SelectorSyntaxException.quoteToken(text), " " + problem);
    }
}
