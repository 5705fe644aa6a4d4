package io.kubeeventbridge.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Watches that read every line as it arrives, over a few HTTP clients, noting for each event line the resourceVersion
 * of its object and when it arrived ({@link System#nanoTime()}).
 */
final class WatchClients implements AutoCloseable {

    private static final String VERSION = "\"resourceVersion\":\"";

    /**
     * Watches per HTTP client. Each JDK client reads all its connections on one selector thread, in turn: 200 watches
     * on one client made that thread the slowest reader of the many watchers' run, a queue the single watcher's run
     * never has and that watchers in processes of their own would not share.
     */
    private static final int WATCHES_PER_CLIENT = 50;

    // Held for as long as the watches read: the JDK's client may close its connections once it is unreachable.
    private final List<HttpClient> clients;
    private final List<Reader> readers;

    private WatchClients(List<HttpClient> clients, List<Reader> readers) {
        this.clients = clients;
        this.readers = readers;
    }

    /** Opens {@code count} watches of {@code path} and returns once every one has its response headers. */
    static WatchClients open(int port, String path, int count) {
        List<HttpClient> clients = new ArrayList<>();
        List<Reader> readers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i % WATCHES_PER_CLIENT == 0) {
                clients.add(HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build());
            }
            Reader reader = new Reader();
            readers.add(reader);
            clients.get(clients.size() - 1)
                    .sendAsync(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.fromSubscriber(reader));
        }
        // A watch's future completes with its body, at its end: wait for each to have subscribed instead.
        readers.forEach(Reader::awaitSubscribed);
        return new WatchClients(clients, readers);
    }

    /** Whether every watcher has received at least {@code count} events since the last {@link #reset()}. */
    boolean received(int count) {
        return readers.stream().allMatch(reader -> reader.count() >= count);
    }

    void reset() {
        readers.forEach(Reader::reset);
    }

    /** Milliseconds from each event's change, by the resourceVersion it carries, to its arrival at each watcher. */
    double[] latenciesMillis(Map<String, Long> sent) {
        return readers.stream()
                .flatMap(reader -> reader.arrivals().stream())
                .mapToDouble(arrival -> (arrival.nanos() - sent.get(arrival.resourceVersion())) / 1e6)
                .toArray();
    }

    @Override
    public void close() {
        readers.forEach(Reader::cancel);
    }

    private record Arrival(String resourceVersion, long nanos) {}

    /**
     * Reads the body's bytes as they come, without decoding them: a line ends at a newline, and its resourceVersion is
     * the value of the first {@code "resourceVersion":"} in it; once that is read, the rest of the line is only searched
     * for its newline. Decoding every line into a String cost the JDK's line subscriber more CPU than the server spent
     * writing it, and so did stepping through every byte of a line with the key's matcher: work which, on the two cores
     * the suite shares, the many watchers' run paid for and the single watcher's did not.
     */
    private static final class Reader implements Flow.Subscriber<List<ByteBuffer>> {

        private static final byte[] KEY = VERSION.getBytes(StandardCharsets.US_ASCII);

        private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
        private final StringBuilder version = new StringBuilder();
        private int matched;
        private boolean inVersion;
        private boolean versionRead;
        private List<Arrival> arrivals = new ArrayList<>();

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription.complete(subscription);
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            long now = System.nanoTime();
            for (ByteBuffer buffer : buffers) {
                while (buffer.hasRemaining()) {
                    if (versionRead) {
                        skipToNewline(buffer, now);
                    } else {
                        read(buffer.get(), now);
                    }
                }
            }
        }

        private void skipToNewline(ByteBuffer buffer, long now) {
            int limit = buffer.limit();
            for (int i = buffer.position(); i < limit; i++) {
                if (buffer.get(i) == '\n') {
                    buffer.position(i + 1);
                    lineEnded(now);
                    return;
                }
            }
            buffer.position(limit);
        }

        private void read(byte next, long now) {
            if (next == '\n') {
                lineEnded(now);
            } else if (inVersion) {
                if (next == '"') {
                    inVersion = false;
                    versionRead = true;
                } else {
                    version.append((char) next);
                }
            } else {
                matched = next == KEY[matched] ? matched + 1 : (next == KEY[0] ? 1 : 0);
                if (matched == KEY.length) {
                    inVersion = true;
                }
            }
        }

        private void lineEnded(long now) {
            synchronized (this) {
                arrivals.add(new Arrival(version.toString(), now));
            }
            version.setLength(0);
            matched = 0;
            inVersion = false;
            versionRead = false;
        }

        @Override
        public void onError(Throwable error) {
            // Cancelled at the end of a run.
        }

        @Override
        public void onComplete() {
            // The watch ended.
        }

        void awaitSubscribed() {
            subscription.join();
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

        void cancel() {
            subscription.join().cancel();
        }
    }
}
