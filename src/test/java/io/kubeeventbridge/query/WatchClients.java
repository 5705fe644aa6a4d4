package io.kubeeventbridge.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Watches that read every line as it arrives, each over a plain socket, all on one thread: a selector, a read per
 * ready socket and a {@link WatchLineReader} per watch, which notes for each event line the resourceVersion of its
 * object and when it arrived. The benchmark measures the server, so its watchers cost it as little as they can: on
 * the two cores the suite shares, every microsecond a client spends per line is taken from the server in the many
 * watchers' run and hardly at all in the single watcher's. The JDK's HTTP client, which read these watches before,
 * cost more CPU per line than the server spent writing it (a selector thread per client that handed each read to
 * a worker thread); in production, watchers are processes on other machines.
 */
final class WatchClients implements AutoCloseable {

    private static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(30);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Selector selector;
    private final List<SocketChannel> channels;
    private final List<WatchLineReader> readers;
    private final Thread thread;
    private volatile boolean closing;
    private volatile RuntimeException failure;

    private WatchClients(Selector selector, List<SocketChannel> channels, List<WatchLineReader> readers) {
        this.selector = selector;
        this.channels = channels;
        this.readers = readers;
        this.thread = new Thread(this::readAll, "watch-clients");
        thread.setDaemon(true);
    }

    /** Opens {@code count} watches of {@code path} and returns once every one has its response headers. */
    static WatchClients open(int port, String path, int count) {
        try {
            Selector selector = Selector.open();
            List<SocketChannel> channels = new ArrayList<>();
            List<WatchLineReader> readers = new ArrayList<>();
            byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < count; i++) {
                SocketChannel channel =
                        SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                channels.add(channel);
                for (ByteBuffer out = ByteBuffer.wrap(request); out.hasRemaining(); ) {
                    channel.write(out);
                }
                channel.configureBlocking(false);
                WatchLineReader reader = new WatchLineReader();
                channel.register(selector, SelectionKey.OP_READ, reader);
                readers.add(reader);
            }
            WatchClients clients = new WatchClients(selector, channels, readers);
            clients.thread.start();
            clients.awaitHeaders();
            return clients;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether every watcher has received at least {@code count} events since the last {@link #reset()}. */
    boolean received(int count) {
        if (failure != null) {
            throw failure;
        }
        return readers.stream().allMatch(reader -> reader.count() >= count);
    }

    void reset() {
        readers.forEach(WatchLineReader::reset);
    }

    /** Milliseconds from each event's change, by the resourceVersion it carries, to its arrival at each watcher. */
    double[] latenciesMillis(Map<String, Long> sent) {
        return readers.stream()
                .flatMap(reader -> reader.arrivals().stream())
                .mapToDouble(arrival -> (arrival.nanos() - sent.get(arrival.resourceVersion())) / 1e6)
                .toArray();
    }

    /** The CPU time the reading thread has used. */
    long cpuNanos() {
        return THREADS.getThreadCpuTime(thread.getId());
    }

    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        try {
            thread.join();
            for (SocketChannel channel : channels) {
                channel.close();
            }
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHeaders() {
        Awaitility.await()
                .atMost(HEADERS_TIMEOUT)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> received(0) && readers.stream().allMatch(WatchLineReader::headersRead));
        for (WatchLineReader reader : readers) {
            if (reader.status() != 200 || !reader.chunked()) {
                close();
                throw new IllegalStateException("a watch answered " + reader.status()
                        + (reader.chunked() ? "" : " without a chunked body") + ", not a stream of events");
            }
        }
    }

    private void readAll() {
        // One buffer for every watch: each reader keeps its own place in its response.
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (!closing) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    read(key, buffer);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            failure = new IllegalStateException("the watch clients stopped reading", e);
        }
    }

    private static void read(SelectionKey key, ByteBuffer buffer) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        WatchLineReader reader = (WatchLineReader) key.attachment();
        int read;
        // Once more only when the buffer was filled: a read that finds nothing costs a system call per line.
        do {
            buffer.clear();
            read = channel.read(buffer);
            if (read > 0) {
                reader.read(buffer.array(), 0, read, System.nanoTime());
            }
        } while (read == buffer.capacity());
        if (read < 0) {
            // The server ended the watch.
            key.cancel();
        }
    }
}
