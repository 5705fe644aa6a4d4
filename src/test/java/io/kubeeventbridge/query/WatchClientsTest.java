package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchClientsTest {

    private final TinyServer server = new TinyServer();

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void everyWatchReadsEveryLineAsItsChunksArrive() throws Exception {
        server.answer("HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n");
        try (WatchClients clients = WatchClients.open(server.port(), "/k8s/api/v1/pods?watch=1", 3)) {
            assertThat(server.requests())
                    .hasSize(3)
                    .allSatisfy(request -> assertThat(request).startsWith("GET /k8s/api/v1/pods?watch=1 HTTP/1.1\r\n"));

            // Split mid-line: a line arrives with its newline, not before.
            server.sendToAll(chunk("{\"metadata\":{\"resourceVersion\":\"5\"}"));
            server.sendToAll(chunk("}\n{\"metadata\":{\"resource"));
            await().atMost(Duration.ofSeconds(10)).until(() -> clients.received(1));
            assertThat(clients.received(2)).isFalse();
            server.sendToAll(chunk("Version\":\"6\"}}\n"));
            await().atMost(Duration.ofSeconds(10)).until(() -> clients.received(2));

            assertThat(clients.latenciesMillis(Map.of("5", 0L, "6", 0L))).hasSize(6);
            clients.reset();
            assertThat(clients.latenciesMillis(Map.of())).isEmpty();
        }
    }

    @Test
    void aWatchRefusedIsAnError() {
        server.answer("HTTP/1.1 429 \r\nContent-Length: 0\r\n\r\n");

        assertThatThrownBy(() -> WatchClients.open(server.port(), "/k8s/api/v1/pods?watch=1", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("429");
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + data + "\r\n";
    }

    /** Accepts connections, reads each request's head, answers {@link #answer} and then whatever it is told to send. */
    private static final class TinyServer implements AutoCloseable {

        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final LinkedBlockingQueue<String> requests = new LinkedBlockingQueue<>();
        private volatile String head;

        TinyServer() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(this::accept, "tiny-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        void answer(String head) {
            this.head = head;
        }

        List<String> requests() {
            return List.copyOf(requests);
        }

        void sendToAll(String bytes) throws IOException {
            for (Socket client : accepted) {
                OutputStream out = client.getOutputStream();
                out.write(bytes.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = socket.accept();
                    requests.add(readHead(client.getInputStream()));
                    client.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                    accepted.add(client);
                }
            } catch (IOException closed) {
                // The test is over.
            }
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    throw new IOException("the request ended early");
                }
                head.append((char) next);
            }
            return head.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket client : accepted) {
                client.close();
            }
        }
    }
}
