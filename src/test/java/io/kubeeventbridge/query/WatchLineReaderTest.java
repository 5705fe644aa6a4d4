package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WatchLineReaderTest {

    private static final String HEADERS =
            "HTTP/1.1 200 \r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    private static final String LINE_1 =
            "{\"type\":\"MODIFIED\",\"object\":{\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"17\"},\"x\":\"\\n\"}}\n";
    private static final String LINE_2 =
            "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"resourceVersion\":\"18\",\"labels\":{\"k\":\"v\"}}}}\n";
    private static final String LINE_3 =
            "{\"type\":\"DELETED\",\"object\":{\"metadata\":{\"resourceVersion\":\"1a\"}}}\n";

    /** The three lines in chunks that split them, carry two at once, and have extensions and upper-case sizes. */
    private static final byte[] RESPONSE = response(
            LINE_1.substring(0, 30), LINE_1.substring(30) + LINE_2.substring(0, 5), LINE_2.substring(5) + LINE_3);

    @Test
    void notesEachLineWithItsVersionWhereverChunksSplitIt() {
        WatchLineReader reader = new WatchLineReader();
        reader.read(RESPONSE, 0, RESPONSE.length, 5);

        assertThat(reader.status()).isEqualTo(200);
        assertThat(reader.chunked()).isTrue();
        assertThat(reader.arrivals())
                .containsExactly(
                        new WatchLineReader.Arrival("17", 5),
                        new WatchLineReader.Arrival("18", 5),
                        new WatchLineReader.Arrival("1a", 5));
    }

    @Test
    void readsTheSameLinesHoweverTheBytesArrive() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            WatchLineReader reader = new WatchLineReader();
            for (int at = 0; at < RESPONSE.length; ) {
                int length = Math.min(RESPONSE.length - at, round == 0 ? 1 : 1 + random.nextInt(40));
                reader.read(RESPONSE, at, length, at + length);
                at += length;
            }
            assertThat(reader.arrivals())
                    .extracting(WatchLineReader.Arrival::resourceVersion)
                    .containsExactly("17", "18", "1a");
        }
    }

    @Test
    void aLineArrivesWithTheReadThatHoldsItsNewline() {
        WatchLineReader reader = new WatchLineReader();
        int split = RESPONSE.length - 8;
        reader.read(RESPONSE, 0, split, 1);
        assertThat(reader.arrivals()).extracting(WatchLineReader.Arrival::nanos).containsExactly(1L, 1L);
        reader.read(RESPONSE, split, RESPONSE.length - split, 2);
        assertThat(reader.arrivals()).extracting(WatchLineReader.Arrival::nanos).containsExactly(1L, 1L, 2L);
    }

    @Test
    void headersAloneAreReadWithoutLines() {
        WatchLineReader reader = new WatchLineReader();
        byte[] headers = "HTTP/1.1 410 Gone\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        reader.read(headers, 0, headers.length, 1);

        assertThat(reader.headersRead()).isTrue();
        assertThat(reader.status()).isEqualTo(410);
        assertThat(reader.chunked()).isFalse();
        assertThat(reader.count()).isZero();
    }

    @Test
    void resetForgetsTheLinesRead() {
        WatchLineReader reader = new WatchLineReader();
        reader.read(RESPONSE, 0, RESPONSE.length, 5);
        reader.reset();

        assertThat(reader.count()).isZero();
        assertThat(reader.arrivals()).isEmpty();
    }

    @Test
    void aChunkLongerThanItsSizeIsAnError() {
        byte[] bad = (HEADERS + "2\r\nabc\r\n").getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new WatchLineReader().read(bad, 0, bad.length, 1))
                .isInstanceOf(IllegalStateException.class);
    }

    /** The headers, then each of {@code chunks} as a chunk, then the last chunk. */
    private static byte[] response(String... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEADERS.getBytes(StandardCharsets.US_ASCII));
        List<String> extensions = List.of("", ";name=value", "");
        for (int i = 0; i < chunks.length; i++) {
            byte[] data = chunks[i].getBytes(StandardCharsets.UTF_8);
            String size = Integer.toHexString(data.length).toUpperCase(java.util.Locale.ROOT);
            out.writeBytes((size + extensions.get(i % extensions.size()) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(data);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
