package io.kubeeventbridge.discovery;

import io.kubeeventbridge.event.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the cluster's discovery says about each watched resource besides its type, for the query API's discovery: the
 * singular name, the short names ({@code po}, {@code deploy}) and the categories ({@code all}) that kubectl resolves
 * {@code kubectl get po} and {@code kubectl get all} with. Recorded as entries are resolved.
 */
public final class ResourceAliases {

    private final Map<ResourceType, Aliases> byType = new ConcurrentHashMap<>();

    /**
     * @param singular e.g. {@code pod}
     * @param shortNames e.g. {@code [po]}
     * @param categories e.g. {@code [all]}
     */
    public record Aliases(String singular, List<String> shortNames, List<String> categories) {

        public Aliases {
            shortNames = List.copyOf(shortNames);
            categories = List.copyOf(categories);
        }
    }

    /** The aliases of a resolved type; for one not resolved through discovery, its lower-case kind alone. */
    public Aliases of(ResourceType type) {
        return byType.getOrDefault(type, new Aliases(type.lowerCaseKind(), List.of(), List.of()));
    }

    /** What discovery said about {@code type}; the last word wins. */
    public void record(ResourceType type, Aliases aliases) {
        byType.put(type, aliases);
    }
}
