package io.kubeeventbridge.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A watch over a bare socket that reads its response headers and nothing more: an idle watcher that costs the
 * benchmark's heap nothing on the client side, or a stuck consumer. Once a stuck consumer's socket buffers are full,
 * the bridge can write it nothing more and must cut it off rather than wait; reading what was left at the end tells
 * whether it did.
 */
final class SilentWatch implements AutoCloseable {

    private final Socket socket;

    SilentWatch(int port, String path) {
        try {
            socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            skipHeaders(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the rest of the stream: whether it ends with the 410 Expired that cuts a watcher off. */
    boolean cutOff() throws IOException {
        try {
            return readsToExpired();
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }

    private boolean readsToExpired() throws IOException {
        socket.setSoTimeout(30_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        // The error line is written in one chunk; keep the end of what was read before, as a read may split it.
        String tail = "";
        for (int read; (read = in.read(buffer)) > 0; ) {
            String text = tail + new String(buffer, 0, read, StandardCharsets.UTF_8);
            if (text.contains("\"reason\":\"Expired\"")) {
                return true;
            }
            tail = text.substring(Math.max(0, text.length() - 4096));
        }
        return false;
    }

    // Up to the blank line: the watch is open, the server has flushed its headers.
    private static void skipHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the watch ended before its headers");
            }
            matched = next == end[matched] ? matched + 1 : (next == end[0] ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
