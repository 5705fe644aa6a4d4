package io.kubeeventbridge.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One writer thread of {@link RawFanoutServer} and the watches it owns, which no other thread touches: a selector
 * loop woken once per change, that writes the change's chunk to each watch in turn without blocking. What a socket
 * cannot take yet waits in that watch's backlog, written when the selector finds the socket writable; a watch with
 * {@link #BACKLOG} chunks waiting is cut off with 410 Expired, as the bridge cuts off a watcher that falls behind.
 */
final class RawFanoutWriter implements AutoCloseable {

    /**
     * A tenth of the bridge's {@link Watcher#BUFFER}: the floor's runs are shorter than the bridge's, and its stalled
     * watcher is to be cut off within them too.
     */
    static final int BACKLOG = Watcher.BUFFER / 10;

    private static final byte[] EXPIRED = RawFanoutServer.chunk(
            ("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
                            + "\"status\":\"Failure\",\"message\":\"too slow\",\"reason\":\"Expired\",\"code\":410}}\n")
                    .getBytes(StandardCharsets.US_ASCII));
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final Queue<SocketChannel> joining = new ConcurrentLinkedQueue<>();
    private final Queue<byte[]> chunks = new ConcurrentLinkedQueue<>();
    private final List<Watch> watches = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closing;

    private RawFanoutWriter(Selector selector, String name) {
        this.selector = selector;
        this.thread = new Thread(this::writeAll, name);
        thread.setDaemon(true);
    }

    static RawFanoutWriter start(String name) throws IOException {
        RawFanoutWriter writer = new RawFanoutWriter(Selector.open(), name);
        writer.thread.start();
        return writer;
    }

    /** A watch whose headers have gone out, non-blocking: this writer writes it from the next change on. */
    void join(SocketChannel channel) {
        joining.add(channel);
        selector.wakeup();
    }

    /** Writes {@code chunk} to every watch of this writer. */
    void send(byte[] chunk) {
        chunks.add(chunk);
        selector.wakeup();
    }

    @Override
    public void close() throws IOException {
        closing = true;
        selector.wakeup();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Watch watch : watches) {
            watch.channel.close();
        }
        selector.close();
    }

    private void writeAll() {
        try {
            while (!closing) {
                selector.select();
                for (SocketChannel channel; (channel = joining.poll()) != null; ) {
                    Watch watch = new Watch(channel);
                    watch.key = channel.register(selector, 0, watch);
                    watches.add(watch);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Watch) key.attachment()).flush();
                }
                selector.selectedKeys().clear();
                for (byte[] chunk; (chunk = chunks.poll()) != null; ) {
                    for (Watch watch : watches) {
                        watch.send(chunk);
                    }
                }
                watches.removeIf(Watch::gone);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One watch's socket and what it could not take yet. */
    private static final class Watch {

        private final SocketChannel channel;
        private final ArrayDeque<ByteBuffer> backlog = new ArrayDeque<>();
        private SelectionKey key;
        private boolean cutOff;
        private boolean gone;

        Watch(SocketChannel channel) {
            this.channel = channel;
        }

        boolean gone() {
            return gone;
        }

        void send(byte[] chunk) {
            if (cutOff || gone) {
                return;
            }
            if (backlog.size() >= BACKLOG) {
                cutOff();
                return;
            }
            backlog.add(ByteBuffer.wrap(chunk));
            if (backlog.size() == 1) {
                flush();
            }
        }

        /** Writes what the socket takes; asks the selector for the rest. */
        void flush() {
            try {
                for (ByteBuffer head; (head = backlog.peek()) != null; ) {
                    channel.write(head);
                    if (head.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_WRITE);
                        return;
                    }
                    backlog.poll();
                }
                key.interestOps(0);
                if (cutOff) {
                    end();
                }
            } catch (IOException clientGone) {
                end();
            }
        }

        // The chunk being written is finished, so that the error and the end of the body stay framed.
        private void cutOff() {
            ByteBuffer started = backlog.poll();
            backlog.clear();
            if (started != null && started.position() > 0) {
                backlog.add(started);
            }
            backlog.add(ByteBuffer.wrap(EXPIRED));
            backlog.add(ByteBuffer.wrap(LAST_CHUNK));
            cutOff = true;
            flush();
        }

        private void end() {
            gone = true;
            key.cancel();
            try {
                channel.close();
            } catch (IOException alreadyClosed) {
                // Nothing left to release.
            }
        }
    }
}
