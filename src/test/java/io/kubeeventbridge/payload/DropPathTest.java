package io.kubeeventbridge.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DropPathTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/status                                   | status",
                "/spec/template/0                          | spec,template,0",
                "/metadata/annotations/example.com~1note   | metadata,annotations,example.com/note",
                "/metadata/labels/a~0b                     | metadata,labels,a~b",
                "/metadata/labels/~01                      | metadata,labels,~1",
            })
    void parsesRfc6901Tokens(String pointer, String tokens) {
        assertThat(DropPath.parse(pointer).tokens()).isEqualTo(List.of(tokens.split(",")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "", "/a~2", "/a~"})
    void rejectsWhatIsNotAPointer(String pointer) {
        assertThatThrownBy(() -> DropPath.parse(pointer)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/apiVersion",
                "/kind",
                "/metadata",
                "/metadata/name",
                "/metadata/namespace",
                "/metadata/uid",
                "/metadata/resourceVersion"
            })
    void refusesToDropWhatIdentifiesTheObject(String pointer) {
        assertThatThrownBy(() -> DropPath.parse(pointer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("identifies the object");
    }
}
