package io.kubeeventbridge.query;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.CachedObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The {@code meta.k8s.io/v1 Table} that {@code kubectl get} asks for: NAME, NAMESPACE for namespaced resources and
 * AGE. NAMESPACE has priority 1, so kubectl shows it only with {@code -o wide}: with {@code -A} kubectl adds its own
 * NAMESPACE column from each row's object, as it does against the API server.
 */
final class TableRenderer {

    static final MediaType TABLE = MediaType.parseMediaType("application/json;as=Table;v=v1;g=meta.k8s.io");

    private final Clock clock;

    TableRenderer(Clock clock) {
        this.clock = clock;
    }

    /**
     * Whether an Accept header asks for a v1 Table; kubectl lists it first, followed by plain JSON.
     *
     * @throws StatusException 400 BadRequest when a header that mentions a Table does not parse: whether the client
     *     wants one cannot be told
     */
    static boolean wanted(String accept) {
        if (accept == null || !accept.contains("Table")) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> "Table".equals(type.getParameter("as"))
                            && "meta.k8s.io".equals(type.getParameter("g"))
                            && "v1".equals(type.getParameter("v")));
        } catch (InvalidMediaTypeException e) {
            throw new StatusException(StatusResponses.badRequest("the Accept header is malformed: " + e.getMessage()));
        }
    }

    Map<String, Object> table(ResourceType type, String resourceVersion, CacheLister.Page page) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("apiVersion", "meta.k8s.io/v1");
        table.put("kind", "Table");
        table.put("metadata", ListBodies.metadata(resourceVersion, page));
        table.put("columnDefinitions", columns(type));
        table.put("rows", page.items().stream().map(object -> row(type, object)).toList());
        return table;
    }

    private static List<Map<String, Object>> columns(ResourceType type) {
        List<Map<String, Object>> columns = new ArrayList<>();
        columns.add(column("Name", "name", 0, "Name must be unique within a namespace."));
        if (type.namespaced()) {
            columns.add(column("Namespace", "", 1, "The namespace the object lives in."));
        }
        columns.add(column("Age", "", 0, "Time since the object was created."));
        return columns;
    }

    private static Map<String, Object> column(String name, String format, int priority, String description) {
        return Map.of(
                "name", name, "type", "string", "format", format, "description", description, "priority", priority);
    }

    private Map<String, Object> row(ResourceType type, CachedObject object) {
        ObjectMeta metadata = object.decode().getMetadata();
        List<Object> cells = new ArrayList<>();
        cells.add(metadata.getName());
        if (type.namespaced()) {
            cells.add(metadata.getNamespace());
        }
        cells.add(age(metadata.getCreationTimestamp()));
        // PartialObjectMetadata, as the API server sends by default (includeObject=Metadata): kubectl reads the
        // namespace and labels from it.
        ObjectMeta partial = new ObjectMeta();
        partial.setName(metadata.getName());
        partial.setNamespace(metadata.getNamespace());
        partial.setUid(metadata.getUid());
        partial.setResourceVersion(metadata.getResourceVersion());
        partial.setCreationTimestamp(metadata.getCreationTimestamp());
        partial.setLabels(metadata.getLabels());
        Map<String, Object> partialObject = new LinkedHashMap<>();
        partialObject.put("kind", "PartialObjectMetadata");
        partialObject.put("apiVersion", "meta.k8s.io/v1");
        partialObject.put("metadata", partial);
        return Map.of("cells", cells, "object", partialObject);
    }

    private String age(String creationTimestamp) {
        if (creationTimestamp == null) {
            return "<unknown>";
        }
        try {
            return humanDuration(Duration.between(Instant.parse(creationTimestamp), clock.instant()));
        } catch (DateTimeParseException e) {
            return "<invalid>";
        }
    }

    /** kubectl's short age format: {@code 45s}, {@code 12m}, {@code 5h}, {@code 3d}, {@code 2y}. */
    static String humanDuration(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 120) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + "h";
        }
        long days = hours / 24;
        return days < 365 * 2 ? days + "d" : days / 365 + "y";
    }
}
