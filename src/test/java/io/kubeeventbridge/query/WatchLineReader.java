package io.kubeeventbridge.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One watch's HTTP/1.1 response, read as its bytes arrive and never decoded: past the status line and headers, the
 * chunk framing is taken off the body, and each event line is noted with the resourceVersion it carries (the value of
 * its first {@code "resourceVersion":"}) and when the read holding its newline arrived. A line ends at its newline
 * wherever the chunks split it. Once a line's resourceVersion is read, the rest of it is only searched for its newline.
 *
 * <p>{@link #read} is for the one thread that reads the connection; the arrivals may be read from any thread.
 */
final class WatchLineReader {

    /** An event line: the resourceVersion it carries and when it arrived ({@link System#nanoTime()}). */
    record Arrival(String resourceVersion, long nanos) {}

    private enum State {
        STATUS_LINE,
        HEADERS,
        CHUNK_SIZE,
        CHUNK_EXTENSION,
        CHUNK_DATA,
        CHUNK_END,
        ENDED
    }

    private static final byte[] KEY = "\"resourceVersion\":\"".getBytes(StandardCharsets.US_ASCII);

    private State state = State.STATUS_LINE;
    private final StringBuilder header = new StringBuilder();
    private long chunkLeft;

    // The line being read.
    private final StringBuilder version = new StringBuilder();
    private int matched;
    private boolean inVersion;
    private boolean versionRead;

    private volatile int status;
    private volatile boolean chunked;
    private volatile boolean headersRead;
    private List<Arrival> arrivals = new ArrayList<>();

    /** Reads the next {@code length} bytes of the response, {@code bytes} from {@code offset}, arrived at {@code nanos}. */
    void read(byte[] bytes, int offset, int length, long nanos) {
        int end = offset + length;
        for (int i = offset; i < end; ) {
            if (state == State.CHUNK_DATA) {
                int data = (int) Math.min(chunkLeft, end - i);
                body(bytes, i, i + data, nanos);
                chunkLeft -= data;
                i += data;
                if (chunkLeft == 0) {
                    state = State.CHUNK_END;
                }
            } else {
                frame(bytes[i++]);
            }
        }
    }

    /** Whether the status line and headers have been read. */
    boolean headersRead() {
        return headersRead;
    }

    /** The response's status code; 0 until read. */
    int status() {
        return status;
    }

    /** Whether the body is chunked, which is all this reader can read. */
    boolean chunked() {
        return chunked;
    }

    synchronized int count() {
        return arrivals.size();
    }

    synchronized void reset() {
        arrivals = new ArrayList<>();
    }

    synchronized List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    // One byte outside chunk data: the status line, headers and chunk framing, which are few.
    private void frame(byte next) {
        switch (state) {
            case STATUS_LINE, HEADERS -> headerByte(next);
            case CHUNK_SIZE -> {
                if (next == '\n') {
                    state = chunkLeft == 0 ? State.ENDED : State.CHUNK_DATA;
                } else if (next == ';') {
                    state = State.CHUNK_EXTENSION;
                } else if (next != '\r') {
                    chunkLeft = chunkLeft * 16 + hexDigit(next);
                }
            }
            case CHUNK_EXTENSION -> {
                if (next == '\n') {
                    state = chunkLeft == 0 ? State.ENDED : State.CHUNK_DATA;
                }
            }
            case CHUNK_END -> {
                if (next == '\n') {
                    state = State.CHUNK_SIZE;
                } else if (next != '\r') {
                    throw new IllegalStateException("chunk data longer than its size");
                }
            }
            case ENDED -> {
                // Trailers after the last chunk: nothing to note.
            }
            case CHUNK_DATA -> throw new IllegalStateException("chunk data is read in bulk");
        }
    }

    private void headerByte(byte next) {
        if (next == '\r') {
            return;
        }
        if (next != '\n') {
            header.append((char) next);
            return;
        }
        String line = header.toString();
        header.setLength(0);
        if (state == State.STATUS_LINE) {
            // "HTTP/1.1 200 OK"
            status = Integer.parseInt(line.split(" ", 3)[1]);
            state = State.HEADERS;
        } else if (!line.isEmpty()) {
            chunked |= line.toLowerCase(Locale.ROOT).matches("transfer-encoding:\\s*chunked\\s*");
        } else {
            state = State.CHUNK_SIZE;
            headersRead = true;
        }
    }

    private static int hexDigit(byte next) {
        int digit = Character.digit(next, 16);
        if (digit < 0) {
            throw new IllegalStateException("not a chunk size: '" + (char) next + "'");
        }
        return digit;
    }

    // Body bytes [from, to): the lines of events.
    private void body(byte[] bytes, int from, int to, long nanos) {
        for (int i = from; i < to; ) {
            if (versionRead) {
                i = skipToNewline(bytes, i, to, nanos);
                continue;
            }
            byte next = bytes[i++];
            if (next == '\n') {
                lineEnded(nanos);
            } else if (inVersion) {
                if (next == '"') {
                    inVersion = false;
                    versionRead = true;
                } else {
                    version.append((char) next);
                }
            } else {
                matched = next == KEY[matched] ? matched + 1 : (next == KEY[0] ? 1 : 0);
                inVersion = matched == KEY.length;
            }
        }
    }

    private int skipToNewline(byte[] bytes, int from, int to, long nanos) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                lineEnded(nanos);
                return i + 1;
            }
        }
        return to;
    }

    private void lineEnded(long nanos) {
        synchronized (this) {
            arrivals.add(new Arrival(version.toString(), nanos));
        }
        version.setLength(0);
        matched = 0;
        inVersion = false;
        versionRead = false;
    }
}
