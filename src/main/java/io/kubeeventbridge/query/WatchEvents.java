package io.kubeeventbridge.query;

import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.CachedObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lines of one watch stream, as the API server writes them: one JSON watch event per line,
 * {@code {"type":"ADDED","object":{...}}}. An object is its cached JSON exactly as list and get return it, written
 * around rather than re-encoded ({@link EventLines}); or, for {@code kubectl get -w}, a {@code Table} of one row,
 * with the column definitions in the first only, as the API server saves them in watches.
 */
final class WatchEvents {

    private final ResourceType type;
    private final JsonMapper json;
    private final EventLines lines;
    private final TableRenderer tables;
    private boolean columnsSent;

    /**
     * @param lines the resource's object event lines, shared by its watchers
     * @param tables renders {@code Table} rows, or {@code null} for objects
     */
    WatchEvents(ResourceType type, JsonMapper json, EventLines lines, TableRenderer tables) {
        this.type = type;
        this.json = json;
        this.lines = lines;
        this.tables = tables;
    }

    /** The line of an {@code ADDED}, {@code MODIFIED} or {@code DELETED} event. */
    byte[] event(String eventType, CachedObject object) {
        if (tables == null) {
            return lines.line(eventType, object);
        }
        Map<String, Object> table =
                tables.table(type, object.resourceVersion(), new CacheLister.Page(List.of(object), null, 0));
        if (columnsSent) {
            table.put("columnDefinitions", List.of());
        }
        columnsSent = true;
        return line(eventType, table);
    }

    /**
     * A {@code BOOKMARK}: the watch has been brought to {@code resourceVersion}, and resumes from it.
     *
     * @param initialEventsEnd whether it ends the initial events of a watch list
     */
    byte[] bookmark(String resourceVersion, boolean initialEventsEnd) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resourceVersion", resourceVersion);
        if (initialEventsEnd) {
            metadata.put("annotations", Map.of("k8s.io/initial-events-end", "true"));
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("kind", type.kind());
        object.put("apiVersion", type.apiVersion());
        object.put("metadata", metadata);
        return line("BOOKMARK", object);
    }

    /** An {@code ERROR} event carrying a {@code Status}, the last of a stream. */
    byte[] error(Object status) {
        return line("ERROR", status);
    }

    private byte[] line(String eventType, Object object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", eventType);
        event.put("object", object);
        byte[] encoded = json.writeValueAsBytes(event);
        byte[] line = new byte[encoded.length + 1];
        System.arraycopy(encoded, 0, line, 0, encoded.length);
        line[encoded.length] = '\n';
        return line;
    }
}
