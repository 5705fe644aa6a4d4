package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.event.ResourceType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Without zstd's native library the cache keeps working, uncompressed, and says so once. */
@ExtendWith(OutputCaptureExtension.class)
class CacheCompressorTest {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);

    private static final ZstdLibrary MISSING = ZstdLibrary.load(() -> {
        throw new UnsatisfiedLinkError("no zstd-jni-1.5.6-10 in java.library.path");
    });

    @Test
    void aLibraryThatDoesNotLoadIsReportedWithItsError() {
        assertThat(MISSING.available()).isFalse();
        assertThat(MISSING.problem()).contains("UnsatisfiedLinkError", "no zstd-jni-1.5.6-10 in java.library.path");
        assertThat(ZstdLibrary.load().available()).isTrue();
    }

    @Test
    void withoutTheLibraryOneWarningIsLoggedAndTheGaugeSaysSo(CapturedOutput output) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (CacheCompressor compressor = new CacheCompressor(MISSING)) {
            new CacheGauges(meters, compressor);
            compressor.forType(PODS).listed();

            assertThat(output.getOut().lines().filter(line -> line.contains("WARN")))
                    .singleElement()
                    .asString()
                    .contains("keeps objects uncompressed", "UnsatisfiedLinkError");
            assertThat(meters.get(CacheGauges.COMPRESSION_AVAILABLE).gauge().value())
                    .isZero();
        }
    }

    @Test
    void withTheLibraryTheGaugeSaysTheCacheCompresses() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (CacheCompressor compressor = new CacheCompressor(ZstdLibrary.load())) {
            new CacheGauges(meters, compressor);

            assertThat(meters.get(CacheGauges.COMPRESSION_AVAILABLE).gauge().value())
                    .isEqualTo(1.0);
        }
    }
}
