package io.kubeeventbridge.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorErrorTest {

    private static final String NAME_RULE =
            "alphanumeric characters, \"-\", \"_\" or \".\", starting and ending with an alphanumeric character";
    private static final String KEY_RULE = "is invalid; a key must consist of " + NAME_RULE;
    private static final String VALUE_RULE = "is invalid; a value must be empty or consist of " + NAME_RULE;
    private static final String NOT_AN_INTEGER =
            "is not an integer; \">\" and \"<\" compare label values as 64-bit integers";
    private static final String OPERATORS = "\"=\", \"==\", \"!=\", \"in\", \"notin\", \">\" or \"<\"";
    private static final String KEY_EXPECTED = "expected a label key, optionally preceded by \"!\"";

    private static final String LONG_NAME = "a".repeat(64);
    private static final String LONG_VALUE = "b".repeat(64);
    private static final String LONG_PREFIX = "c".repeat(254);

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                // unclosed or malformed sets
                arguments(
                        "app in (web",
                        11,
                        "unexpected end of input at position 11 in \"app in (web\"; expected \",\" or \")\""),
                arguments(
                        "app in (web,api",
                        15,
                        "unexpected end of input at position 15 in \"app in (web,api\"; expected \",\" or \")\""),
                arguments(
                        "app in (",
                        8,
                        "unexpected end of input at position 8 in \"app in (\"; expected a label value, \",\" or \")\""),
                arguments(
                        "app in (web api)",
                        12,
                        "unexpected \"api\" at position 12 in \"app in (web api)\"; expected \",\" or \")\""),
                arguments(
                        "app in (web,=)",
                        12,
                        "unexpected \"=\" at position 12 in \"app in (web,=)\"; expected a label value, \",\" or \")\""),
                arguments(
                        "app in (web)(api)",
                        12,
                        "unexpected \"(\" at position 12 in \"app in (web)(api)\"; expected \",\" or end of input"),
                arguments(
                        "a in (xyz)b notin ()",
                        10,
                        "unexpected \"b\" at position 10 in \"a in (xyz)b notin ()\"; expected \",\" or end of input"),
                // in and notin without parentheses
                arguments(
                        "app in web",
                        7,
                        "unexpected \"web\" at position 7 in \"app in web\"; expected \"(\" after \"in\""),
                arguments(
                        "app notin",
                        9,
                        "unexpected end of input at position 9 in \"app notin\"; expected \"(\" after \"notin\""),
                arguments(
                        "app in, web",
                        6,
                        "unexpected \",\" at position 6 in \"app in, web\"; expected \"(\" after \"in\""),
                // missing keys and values
                arguments("=web", 0, "unexpected \"=\" at position 0 in \"=web\"; " + KEY_EXPECTED),
                arguments("(", 0, "unexpected \"(\" at position 0 in \"(\"; " + KEY_EXPECTED),
                arguments("app=(web)", 4, "unexpected \"(\" at position 4 in \"app=(web)\"; expected a label value"),
                arguments("app!=)", 5, "unexpected \")\" at position 5 in \"app!=)\"; expected a label value"),
                arguments("replicas>", 9, "label value \"\" at position 9 in \"replicas>\" " + NOT_AN_INTEGER),
                // separators
                arguments("app,", 4, "unexpected end of input at position 4 in \"app,\"; " + KEY_EXPECTED),
                arguments("app=web, ", 9, "unexpected end of input at position 9 in \"app=web, \"; " + KEY_EXPECTED),
                arguments(",app", 0, "unexpected \",\" at position 0 in \",app\"; " + KEY_EXPECTED),
                arguments("app,,tier", 4, "unexpected \",\" at position 4 in \"app,,tier\"; " + KEY_EXPECTED),
                arguments(
                        "app web",
                        4,
                        "unexpected \"web\" at position 4 in \"app web\"; expected an operator (" + OPERATORS
                                + "), \",\" or end of input"),
                arguments(
                        "x nott in (y)",
                        2,
                        "unexpected \"nott\" at position 2 in \"x nott in (y)\"; expected an operator (" + OPERATORS
                                + "), \",\" or end of input"),
                arguments(
                        "x==a==b", 4, "unexpected \"==\" at position 4 in \"x==a==b\"; expected \",\" or end of input"),
                // unknown operators
                arguments(
                        "app=~web", 3, "unknown operator \"=~\" at position 3 in \"app=~web\"; expected " + OPERATORS),
                arguments(
                        "app !~ web",
                        4,
                        "unknown operator \"!~\" at position 4 in \"app !~ web\"; expected " + OPERATORS),
                arguments(
                        "replicas>=2",
                        8,
                        "unknown operator \">=\" at position 8 in \"replicas>=2\"; expected " + OPERATORS),
                arguments(
                        "replicas<=2",
                        8,
                        "unknown operator \"<=\" at position 8 in \"replicas<=2\"; expected " + OPERATORS),
                arguments(
                        "app===web",
                        3,
                        "unknown operator \"===\" at position 3 in \"app===web\"; expected " + OPERATORS),
                arguments(
                        "app=!web", 3, "unknown operator \"=!\" at position 3 in \"app=!web\"; expected " + OPERATORS),
                // "!" misplaced or doubled
                arguments("!!app", 0, "unexpected \"!!\" at position 0 in \"!!app\"; " + KEY_EXPECTED),
                arguments(
                        "! !app", 2, "unexpected \"!\" at position 2 in \"! !app\"; expected a label key after \"!\""),
                arguments("!", 1, "unexpected end of input at position 1 in \"!\"; expected a label key after \"!\""),
                arguments(
                        "!app=web",
                        4,
                        "unexpected \"=\" at position 4 in \"!app=web\"; expected \",\" or end of input, as \"!app\""
                                + " takes no value"),
                arguments(
                        "!app in (web)",
                        5,
                        "unexpected \"in\" at position 5 in \"!app in (web)\"; expected \",\" or end of input, as"
                                + " \"!app\" takes no value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxErrors")
    void syntaxErrorNamesPositionAndWhatWasExpected(String text, int position, String message) {
        assertRejected(text, position, message);
    }

    static Stream<Arguments> invalidKeys() {
        return Stream.of(
                arguments("app_=web", 0, "label key \"app_\" at position 0 in \"app_=web\" " + KEY_RULE),
                arguments("-app", 0, "label key \"-app\" at position 0 in \"-app\" " + KEY_RULE),
                arguments("tier,ap$p", 5, "label key \"ap$p\" at position 5 in \"tier,ap$p\" " + KEY_RULE),
                arguments("x=a,!ap.", 5, "label key \"ap.\" at position 5 in \"x=a,!ap.\" " + KEY_RULE),
                arguments(
                        LONG_NAME,
                        0,
                        "label key \"aaaaaaaaaaaaaaaaaaaa...\" at position 0 in \"" + LONG_NAME
                                + "\" is longer than 63 characters"),
                arguments(
                        "example.com/" + LONG_NAME + "=x",
                        0,
                        "label key \"example.com/aaaaaaaa...\" at position 0 in \"example.com/" + LONG_NAME
                                + "=x\" has a name longer than 63 characters"),
                arguments(
                        LONG_PREFIX + "/app",
                        0,
                        "label key \"cccccccccccccccccccc...\" at position 0 in \"" + LONG_PREFIX
                                + "/app\" has a prefix longer than 253 characters"),
                arguments(
                        "Example.com/app",
                        0,
                        "label key \"Example.com/app\" at position 0 in \"Example.com/app\" has an invalid prefix"
                                + " \"Example.com\"; a prefix must be a DNS subdomain: lower-case alphanumeric"
                                + " characters, \"-\" or \".\", starting and ending with an alphanumeric character"),
                arguments(
                        "example_com/app",
                        0,
                        "label key \"example_com/app\" at position 0 in \"example_com/app\" has an invalid prefix"
                                + " \"example_com\"; a prefix must be a DNS subdomain: lower-case alphanumeric"
                                + " characters, \"-\" or \".\", starting and ending with an alphanumeric character"),
                arguments(
                        "example.com/app_",
                        0,
                        "label key \"example.com/app_\" at position 0 in \"example.com/app_\" has an invalid name"
                                + " \"app_\"; a name must consist of " + NAME_RULE),
                arguments("/app", 0, "label key \"/app\" at position 0 in \"/app\" has an empty prefix before \"/\""),
                arguments(
                        "example.com/ in (a)",
                        0,
                        "label key \"example.com/\" at position 0 in \"example.com/ in (a)\" has an empty name after"
                                + " \"/\""),
                arguments(
                        "a/b/c",
                        0,
                        "label key \"a/b/c\" at position 0 in \"a/b/c\" has more than one \"/\"; a key is a name with an"
                                + " optional DNS subdomain prefix and \"/\", e.g. \"app.kubernetes.io/name\""),
                arguments(
                        "app\u0001=web", 0, "label key \"app\\u0001\" at position 0 in \"app\\u0001=web\" " + KEY_RULE),
                arguments("app\u00a0=web", 0, "label key \"app\u00a0\" at position 0 in \"app\u00a0=web\" " + KEY_RULE),
                arguments("a~b=c", 1, "unknown operator \"~\" at position 1 in \"a~b=c\"; expected " + OPERATORS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidKeys")
    void invalidKeyNamesTheRuleItBreaks(String text, int position, String message) {
        assertRejected(text, position, message);
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                arguments("app=web_", 4, "label value \"web_\" at position 4 in \"app=web_\" " + VALUE_RULE),
                arguments("app != .web", 7, "label value \".web\" at position 7 in \"app != .web\" " + VALUE_RULE),
                arguments("x=a||y=b", 2, "label value \"a||y\" at position 2 in \"x=a||y=b\" " + VALUE_RULE),
                arguments(
                        "app in (api,-web)",
                        12,
                        "label value \"-web\" at position 12 in \"app in (api,-web)\" " + VALUE_RULE),
                arguments(
                        "app=" + LONG_VALUE,
                        4,
                        "label value \"bbbbbbbbbbbbbbbbbbbb...\" at position 4 in \"app=" + LONG_VALUE
                                + "\" is longer than 63 characters"),
                arguments(
                        "app notin (" + LONG_VALUE + ")",
                        11,
                        "label value \"bbbbbbbbbbbbbbbbbbbb...\" at position 11 in \"app notin (" + LONG_VALUE
                                + ")\" is longer than 63 characters"),
                arguments("x<a", 2, "label value \"a\" at position 2 in \"x<a\" " + NOT_AN_INTEGER),
                arguments("x>1.5", 2, "label value \"1.5\" at position 2 in \"x>1.5\" " + NOT_AN_INTEGER),
                arguments("x>-1", 2, "label value \"-1\" at position 2 in \"x>-1\" " + VALUE_RULE),
                arguments(
                        "x>99999999999999999999",
                        2,
                        "label value \"99999999999999999999\" at position 2 in \"x>99999999999999999999\" "
                                + NOT_AN_INTEGER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void invalidValueNamesTheRuleItBreaks(String text, int position, String message) {
        assertRejected(text, position, message);
    }

    private static void assertRejected(String text, int position, String message) {
        assertThatThrownBy(() -> LabelSelector.parse(text))
                .isInstanceOf(SelectorSyntaxException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message)
                .asInstanceOf(InstanceOfAssertFactories.type(SelectorSyntaxException.class))
                .satisfies(exception -> {
                    assertThat(exception.input()).isEqualTo(text);
                    assertThat(exception.position()).isEqualTo(position);
                });
    }
}
