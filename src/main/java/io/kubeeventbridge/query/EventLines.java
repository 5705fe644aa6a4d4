package io.kubeeventbridge.query;

import io.kubeeventbridge.informer.CachedObject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The watch event lines of one resource, shared by its watchers: every watcher that sends a change as the same event
 * type writes the same bytes, so the line is built once per change, not once per watcher. Remembers the last line of
 * each event type; a line is its object's cached JSON with the event around it.
 */
final class EventLines {

    private static final byte[] OBJECT_END = "}\n".getBytes(StandardCharsets.UTF_8);

    private record Line(CachedObject object, byte[] bytes) {}

    private final AtomicReference<Line> added = new AtomicReference<>();
    private final AtomicReference<Line> modified = new AtomicReference<>();
    private final AtomicReference<Line> deleted = new AtomicReference<>();

    /** The line of an {@code ADDED}, {@code MODIFIED} or {@code DELETED} event of {@code object}. */
    byte[] line(String eventType, CachedObject object) {
        AtomicReference<Line> last = switch (eventType) {
            case WatchFilter.ADDED -> added;
            case WatchFilter.MODIFIED -> modified;
            case WatchFilter.DELETED -> deleted;
            default -> throw new IllegalArgumentException("not an object event: " + eventType);
        };
        Line remembered = last.get();
        if (remembered != null && remembered.object() == object) {
            return remembered.bytes();
        }
        byte[] bytes = build(eventType, object.json());
        last.set(new Line(object, bytes));
        return bytes;
    }

    private static byte[] build(String eventType, byte[] json) {
        byte[] start = ("{\"type\":\"" + eventType + "\",\"object\":").getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[start.length + json.length + OBJECT_END.length];
        System.arraycopy(start, 0, line, 0, start.length);
        System.arraycopy(json, 0, line, start.length, json.length);
        System.arraycopy(OBJECT_END, 0, line, start.length + json.length, OBJECT_END.length);
        return line;
    }
}
