package io.kubeeventbridge.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Inputs for {@link QueryInputFuzzTest}, from a seeded {@link Random}: each grammar's own tokens, in the shape the
 * grammar wants or in any order, so that inputs reach deep into the parsers and past them, with arbitrary characters
 * among them (lone surrogates and control characters included).
 */
final class FuzzInputs {

    private static final List<String> LABEL_WORDS = List.of(
            "app",
            "tier",
            "app.kubernetes.io/name",
            "example.com/",
            "/x",
            "a/b/c",
            "-bad",
            "x".repeat(64),
            "in",
            "notin",
            "web",
            "api",
            "3",
            "-5",
            "99999999999999999999",
            "\u00e9");
    private static final List<String> LABEL_SEPARATORS =
            List.of("=", "==", "!=", "!", ">", "<", "=~", "(", ")", ",", " ", "\t", "\n");
    private static final List<String> LABEL_OPERATORS = List.of("=", "==", "!=", ">", "<");
    private static final List<String> LABEL_VALUES = List.of("web", "api", "", ",", "3");
    private static final List<String> FIELD_WORDS = List.of(
            "metadata.name",
            "metadata.namespace",
            "metadata.labels.app",
            "status.phase",
            "spec.nodeName",
            "spec.priority",
            "kind",
            "web-1",
            "Running",
            "7",
            ".",
            "..",
            "a.",
            ".b");
    private static final List<String> FIELD_SEPARATORS = List.of("=", "==", "!=", "!", ",", "\\", "\\,", "\\=", " ");
    private static final List<String> FIELD_OPERATORS = List.of("=", "==", "!=");
    private static final List<String> ACCEPT_WORDS = List.of(
            "application/json",
            "application/json;as=Table;v=v1;g=meta.k8s.io",
            "Table",
            "as=Table",
            "*/*",
            "text/html",
            "q=0.9",
            "v=v1",
            "g=meta.k8s.io",
            "\"",
            "\"v1\"");
    private static final List<String> ACCEPT_SEPARATORS = List.of(";", ",", "=", "/", " ");
    private static final List<String> LIMIT_PIECES =
            List.of("1", "0", "9", "+", "-", "e", ".", "x", "\u0663", "\uff15");
    private static final List<String> WATCHES = List.of("true", "false", "TRUE", "False", "0", "1", "");
    private static final List<String> TOKEN_LINES = List.of("k1", "k2", "shop", "web-1", "", "\n");

    private final Random random;

    FuzzInputs(long seed) {
        this.random = new Random(seed);
    }

    /** Half the time requirements shaped as the grammar wants, so that many parse and reach matching. */
    String labelSelector() {
        if (random.nextBoolean()) {
            return tokens(LABEL_WORDS, LABEL_SEPARATORS);
        }
        return terms(() -> switch (random.nextInt(4)) {
            case 0 -> "!" + pick(LABEL_WORDS);
            case 1 -> pick(LABEL_WORDS) + pick(LABEL_OPERATORS) + pick(LABEL_WORDS);
            case 2 -> pick(LABEL_WORDS) + (random.nextBoolean() ? " in (" : " notin (") + pieces(LABEL_VALUES, 3) + ")";
            default -> pick(LABEL_WORDS);
        });
    }

    /** Half the time terms shaped as the grammar wants, so that many parse and reach matching. */
    String fieldSelector() {
        if (random.nextBoolean()) {
            return tokens(FIELD_WORDS, FIELD_SEPARATORS);
        }
        return terms(() -> pick(FIELD_WORDS) + pick(FIELD_OPERATORS) + pick(FIELD_WORDS));
    }

    String acceptHeader() {
        return tokens(ACCEPT_WORDS, ACCEPT_SEPARATORS);
    }

    /** One the bridge issued, one cut short, base64 of random bytes or of random lines, or anything. */
    String continueToken() {
        return switch (random.nextInt(5)) {
            case 0 -> issuedToken();
            case 1 -> {
                String token = issuedToken();
                yield token.substring(0, random.nextInt(token.length() + 1)) + "%";
            }
            case 2 -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(random.nextInt(41)));
            case 3 ->
                Base64.getUrlEncoder().encodeToString(pieces(TOKEN_LINES, 8).getBytes(StandardCharsets.UTF_8));
            default -> anything();
        };
    }

    /** Any long, a small number, a number beyond any long, or digits and signs in any order. */
    String limit() {
        return switch (random.nextInt(4)) {
            case 0 -> String.valueOf(random.nextLong());
            case 1 -> String.valueOf(random.nextInt(14) - 3);
            case 2 -> digits(1 + random.nextInt(31));
            default -> pieces(LIMIT_PIECES, 6);
        };
    }

    String watch() {
        return random.nextBoolean() ? pick(WATCHES) : anything();
    }

    /** Any text UTF-8 carries (no lone surrogates) without a line end: wider than Kubernetes allows in names. */
    String name() {
        StringBuilder name = new StringBuilder();
        for (int n = random.nextInt(31); n > 0; n--) {
            char c = (char) random.nextInt(0xFFFE);
            name.append(Character.isSurrogate(c) || c == '\n' ? 'x' : c);
        }
        return name.toString();
    }

    /** The value, or null one time in five: a parameter or header left out. */
    <T> T orNull(Function<FuzzInputs, T> value) {
        return random.nextInt(5) == 0 ? null : value.apply(this);
    }

    private String issuedToken() {
        return ContinueToken.after(new ObjectKey(pieces(FIELD_WORDS, 2), "n" + pieces(LABEL_WORDS, 2)));
    }

    /** Up to 16 parts: words six times in eleven, separators four, arbitrary characters once. */
    private String tokens(List<String> words, List<String> separators) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(17); n > 0; n--) {
            int kind = random.nextInt(11);
            text.append(kind < 6 ? pick(words) : kind < 10 ? pick(separators) : anything());
        }
        return text.toString();
    }

    /** One to three terms, comma-separated. */
    private String terms(Supplier<String> term) {
        StringBuilder terms = new StringBuilder(term.get());
        for (int n = random.nextInt(3); n > 0; n--) {
            terms.append(',').append(term.get());
        }
        return terms.toString();
    }

    private String pieces(List<String> from, int most) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(most + 1); n > 0; n--) {
            text.append(pick(from));
        }
        return text.toString();
    }

    /** Up to four chars of any value, lone surrogates included. */
    private String anything() {
        char[] chars = new char[random.nextInt(5)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(0x10000);
        }
        return new String(chars);
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
