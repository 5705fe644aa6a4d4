package io.kubeeventbridge.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a bare socket, for requests no HTTP client would send: undecodable or unnormalised paths, illegal
 * characters, malformed headers. Each request asks the server to close the connection, so a response ends there.
 */
public final class RawHttp {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /**
     * @param requestLine e.g. {@code GET /k8s/api HTTP/1.1}, sent as ISO-8859-1, so each char below 256 is one byte
     * @param headers extra header lines, each without its line end
     */
    public Response send(String requestLine, String... headers) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(raw);
            return Response.parse(raw.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response: status, header block and body, a chunked body de-chunked. */
    public record Response(int status, String headers, String body) {

        static Response parse(byte[] raw) {
            int headersEnd = indexOf(raw, 0, "\r\n\r\n");
            String head = new String(raw, 0, headersEnd, StandardCharsets.ISO_8859_1);
            byte[] body = Arrays.copyOfRange(raw, headersEnd + 4, raw.length);
            Response headersOnly = new Response(Integer.parseInt(head.split(" ")[1]), head, "");
            boolean chunked = headersOnly
                    .header("Transfer-Encoding")
                    .filter("chunked"::equalsIgnoreCase)
                    .isPresent();
            return new Response(
                    headersOnly.status(), head, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
        }

        /** The first value of a header, by case-insensitive name. */
        public Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.lines()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).trim())
                    .findFirst();
        }

        private static byte[] dechunk(byte[] body) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            int at = 0;
            while (true) {
                int lineEnd = indexOf(body, at, "\r\n");
                int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).trim(), 16);
                if (size == 0) {
                    return data.toByteArray();
                }
                data.write(body, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
        }

        private static int indexOf(byte[] bytes, int from, String text) {
            byte[] wanted = text.getBytes(StandardCharsets.ISO_8859_1);
            for (int i = from; i + wanted.length <= bytes.length; i++) {
                if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                    return i;
                }
            }
            throw new IllegalStateException("no " + text.replace("\r\n", "CRLF") + " in the response");
        }
    }
}
