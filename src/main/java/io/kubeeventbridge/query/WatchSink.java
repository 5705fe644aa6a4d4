package io.kubeeventbridge.query;

import java.io.IOException;
import java.util.List;

/** Where a watch stream goes: the HTTP response ({@link WatchEmitter}), or a test's recording. */
interface WatchSink {

    /**
     * Writes the parts one after another and flushes them to the client.
     *
     * @throws IOException when the client has gone
     */
    void send(List<byte[]> parts) throws IOException;

    /** Ends the stream. */
    void complete();
}
