package io.kubeeventbridge.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretHashKeyTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path directory;

    @Test
    void readsTheKeyWithoutATrailingNewline() throws IOException {
        Path file = Files.writeString(directory.resolve("key"), KEY + "\n");

        assertThat(SecretHashKey.read(file)).isEqualTo(KEY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsAShortKeyWithoutQuotingIt() throws IOException {
        Path file = Files.writeString(directory.resolve("key"), "short-key-value\n");

        assertThatThrownBy(() -> SecretHashKey.read(file))
                .hasMessage(
                        "holds 15 bytes; the key must have at least 32, e.g. from: head -c 32 /dev/urandom | base64")
                .hasMessageNotContaining("short-key-value");
    }

    @Test
    void rejectsAMissingFile() {
        assertThatThrownBy(() -> SecretHashKey.read(directory.resolve("absent")))
                .hasMessageStartingWith("cannot be read (NoSuchFileException)");
    }

    @Test
    void rejectsNoFile() {
        assertThatThrownBy(() -> SecretHashKey.read(null))
                .hasMessageStartingWith("is required when secret-values is hash");
    }
}
