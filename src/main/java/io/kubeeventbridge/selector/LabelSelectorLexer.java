package io.kubeeventbridge.selector;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a label selector into tokens as Kubernetes' lexer does: identifiers run until whitespace or a special
 * character, and {@code in}/{@code notin} are left for the parser to recognise because they are also valid keys
 * and values.
 */
final class LabelSelectorLexer {

    enum Kind {
        IDENTIFIER,
        /** A run of operator characters, e.g. {@code =}, {@code !=} or an unknown one such as {@code =~}. */
        OPERATOR,
        OPEN_PARENTHESIS,
        CLOSE_PARENTHESIS,
        COMMA,
        END
    }

    record Token(Kind kind, String text, int position) {

        boolean is(Kind expected, String expectedText) {
            return kind == expected && text.equals(expectedText);
        }

        /** How the token reads in an error message. */
        String describe() {
            return kind == Kind.END ? "end of input" : SelectorSyntaxException.quoteToken(text);
        }
    }

    /**
     * Kubernetes reads {@code ~} as part of an identifier, where it is never valid; taking it as an operator
     * character lets {@code app=~web} fail as an unknown operator rather than as an odd value.
     */
    private static final String OPERATOR_CHARACTERS = "=!<>~";

    private LabelSelectorLexer() {}

    /** The tokens of the input, always ending with an {@link Kind#END} token at the input's length. */
    static List<Token> tokenize(String input) {
        List<Token> tokens = new ArrayList<>();
        int position = 0;
        while (true) {
            while (position < input.length() && isWhitespace(input.charAt(position))) {
                position++;
            }
            if (position == input.length()) {
                tokens.add(new Token(Kind.END, "", position));
                return tokens;
            }
            int start = position;
            Kind kind = kindStartingWith(input.charAt(position));
            if (kind == Kind.OPERATOR) {
                while (position < input.length() && isOperatorCharacter(input.charAt(position))) {
                    position++;
                }
            } else if (kind == Kind.IDENTIFIER) {
                while (position < input.length() && !endsIdentifier(input.charAt(position))) {
                    position++;
                }
            } else {
                position++;
            }
            tokens.add(new Token(kind, input.substring(start, position), start));
        }
    }

    private static Kind kindStartingWith(char c) {
        return switch (c) {
            case '(' -> Kind.OPEN_PARENTHESIS;
            case ')' -> Kind.CLOSE_PARENTHESIS;
            case ',' -> Kind.COMMA;
            default -> isOperatorCharacter(c) ? Kind.OPERATOR : Kind.IDENTIFIER;
        };
    }

    /** Exactly the whitespace Kubernetes skips; anything else, even a non-breaking space, is part of a token. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isOperatorCharacter(char c) {
        return OPERATOR_CHARACTERS.indexOf(c) >= 0;
    }

    private static boolean endsIdentifier(char c) {
        return isWhitespace(c) || isOperatorCharacter(c) || c == '(' || c == ')' || c == ',';
    }
}
