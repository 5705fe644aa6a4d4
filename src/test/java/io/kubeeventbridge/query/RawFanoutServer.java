package io.kubeeventbridge.query;

import io.kubeeventbridge.informer.Change;
import io.kubeeventbridge.informer.ChangeFeed;
import io.kubeeventbridge.informer.ChangeSubscriber;
import io.kubeeventbridge.informer.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The least a server can do to fan a change feed out to watches, as a floor for the query API's watch latency: no
 * servlet container, no HTTP parsing beyond the end of the request, no per-watcher buffer or task. It answers any
 * request with a chunked 200 and writes every change's event line, the bytes the bridge writes ({@link EventLines}),
 * to every watch from as many {@link RawFanoutWriter writers} as the bridge has (one per core).
 */
final class RawFanoutServer implements AutoCloseable, ChangeSubscriber {

    private static final byte[] HEADERS =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REQUEST_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocketChannel server;
    private final List<RawFanoutWriter> writers = new ArrayList<>();
    private final WatchFilter filter = new WatchFilter(null, ListOptions.EVERYTHING);
    private final EventLines lines = new EventLines();
    private final Thread acceptor;
    private final Subscription subscription;
    private int accepted;

    private RawFanoutServer(ChangeFeed feed, int writerCount) throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        for (int i = 0; i < writerCount; i++) {
            writers.add(RawFanoutWriter.start("raw-fanout-writer-" + i));
        }
        acceptor = new Thread(this::acceptAll, "raw-fanout-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        subscription = feed.subscribe(feed.resourceVersion(), this);
    }

    /** Serves every change of {@code feed} from now on, written by one thread per core. */
    static RawFanoutServer start(ChangeFeed feed) {
        try {
            return new RawFanoutServer(feed, Runtime.getRuntime().availableProcessors());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On the feed's fan-out thread: one chunk per change, handed to each writer once. */
    @Override
    public boolean offer(Change change) {
        byte[] chunk = chunk(lines.line(filter.typeOf(change), change.object()));
        writers.forEach(writer -> writer.send(chunk));
        return true;
    }

    @Override
    public void ended() {
        // The bench's feed ends with the server.
    }

    @Override
    public void close() throws IOException {
        subscription.cancel();
        server.close();
        for (RawFanoutWriter writer : writers) {
            writer.close();
        }
    }

    static byte[] chunk(byte[] line) {
        byte[] size = (Integer.toHexString(line.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[size.length + line.length + 2];
        System.arraycopy(size, 0, chunk, 0, size.length);
        System.arraycopy(line, 0, chunk, size.length, line.length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        return chunk;
    }

    private void acceptAll() {
        try {
            while (true) {
                SocketChannel channel = server.accept();
                try {
                    answer(channel);
                    writers.get(accepted++ % writers.size()).join(channel);
                } catch (IOException clientGone) {
                    channel.close();
                }
            }
        } catch (ClosedChannelException closed) {
            // The server is closing.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Blocking, before the watch is handed to its writer: the request's end, whatever it asked, then the headers.
    private static void answer(SocketChannel channel) throws IOException {
        // As Tomcat does: an event line goes out as soon as it is written.
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        // Ample for a watcher that reads (a few lines of a few KB), and fixed: a socket's own buffer grows to
        // megabytes,
        // which a watcher that never reads would fill for longer than the floor's runs before its backlog is full.
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 256 * 1024);
        ByteBuffer in = ByteBuffer.allocate(1);
        for (int matched = 0; matched < REQUEST_END.length; ) {
            in.clear();
            if (channel.read(in) < 0) {
                throw new IOException("the client went before the end of its request");
            }
            byte next = in.get(0);
            matched = next == REQUEST_END[matched] ? matched + 1 : (next == REQUEST_END[0] ? 1 : 0);
        }
        for (ByteBuffer out = ByteBuffer.wrap(HEADERS); out.hasRemaining(); ) {
            channel.write(out);
        }
        channel.configureBlocking(false);
    }
}
