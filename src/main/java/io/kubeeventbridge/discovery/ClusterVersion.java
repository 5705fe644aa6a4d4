package io.kubeeventbridge.discovery;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API server's {@code /version} document, read once, so that the query API answers {@code kubectl version} with
 * the cluster's version and kubectl warns of no skew it would not warn of against the cluster.
 */
public final class ClusterVersion {

    private static final Logger log = LoggerFactory.getLogger(ClusterVersion.class);

    private final Supplier<String> document;
    private volatile Map<String, Object> version;

    /** @param document reads the API server's {@code /version}, {@code null} when it serves none */
    public ClusterVersion(Supplier<String> document) {
        this.document = document;
    }

    /** The document as the API server wrote it, or empty when it could not be read (asked again next time). */
    public Optional<Map<String, Object>> get() {
        if (version == null) {
            version = read();
        }
        return Optional.ofNullable(version);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read() {
        try {
            String read = document.get();
            return read == null ? null : JsonMapper.shared().readValue(read, Map.class);
        } catch (KubernetesClientException | JacksonException e) {
            log.warn("Could not read the API server's version: {}", e.getMessage());
            return null;
        }
    }
}
