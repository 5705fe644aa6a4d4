package io.kubeeventbridge.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One resource type to watch, or every resource of an API group. Give {@code resource} (the plural) or {@code kind};
 * discovery fills in the other. A group entry ({@code api-version: example.com/*}) names neither (or
 * {@code resource: "*"}): it watches every resource the group serves at its preferred version, as they come and go,
 * each with this entry's settings.
 *
 * @param apiVersion {@code v1} for the core group, {@code group/version} otherwise (e.g. {@code apps/v1}), or
 *     {@code group/*} for every resource of a group
 * @param resource plural resource name as in URLs, e.g. {@code pods}; {@code *} (or nothing) in a group entry
 * @param kind object kind, e.g. {@code Pod}
 * @param namespaces namespaces to watch; empty watches all namespaces (ignored for cluster-scoped resources)
 * @param labelSelector Kubernetes label selector limiting the watched objects, e.g. {@code app in (web,api),!canary}
 * @param fieldSelector Kubernetes field selector limiting the watched objects, e.g. {@code status.phase!=Succeeded}
 * @param topic Kafka topic for this resource's events; overrides {@code bridge.kafka.topic-template}
 * @param dropPaths JSON pointers removed from this resource's objects, in addition to
 *     {@code bridge.payload.drop-paths}
 */
public record ResourceProperties(
        @NotBlank(message = "is missing; use \"v1\" for the core group or \"group/version\" such as \"apps/v1\"")
        @Pattern(
                regexp = API_VERSION,
                message = "is not an API version; use \"v1\" for the core group, \"group/version\" such as "
                        + "\"apps/v1\", or \"group/*\" for every resource of a group")
        String apiVersion,

        @Pattern(
                regexp = "[a-z0-9]([-a-z0-9]*[a-z0-9])?|\\*",
                message = "must be the lower-case plural resource name as in URLs, such as \"pods\"")
        String resource,

        @Pattern(regexp = "[A-Za-z][A-Za-z0-9]*", message = "must be an object kind such as \"Deployment\"")
        String kind,

        List<
                        @Pattern(
                                regexp = "[a-z0-9]([-a-z0-9]*[a-z0-9])?",
                                message = "must be a namespace name (lower-case letters, digits and '-')")
                        @Size(max = 63, message = "must be a namespace name of at most 63 characters") String>
                namespaces,
        String labelSelector,
        String fieldSelector,

        @Pattern(regexp = TopicTemplate.LEGAL_TOPIC, message = TopicTemplate.LEGAL_TOPIC_RULE)
        @Size(max = TopicTemplate.MAX_TOPIC_LENGTH, message = TopicTemplate.LEGAL_TOPIC_RULE)
        String topic,

        List<String> dropPaths) {

    static final String API_VERSION =
            "(v[0-9]+((alpha|beta)[0-9]+)?|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"
                    + "/(v[0-9]+((alpha|beta)[0-9]+)?|\\*))";

    private static final String ANY_VERSION = "/*";

    public ResourceProperties {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        dropPaths = dropPaths == null ? List.of() : List.copyOf(dropPaths);
    }

    /** Whether this entry watches every resource of its group ({@code api-version: example.com/*}). */
    public boolean isGroupEntry() {
        return apiVersion != null && apiVersion.endsWith(ANY_VERSION);
    }

    /** The API group this entry names: empty for the core group. */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** The name this entry is known by before discovery: its group, its plural, or else its kind. */
    public String displayName() {
        if (isGroupEntry()) {
            return apiVersion;
        }
        return resource != null ? apiVersion + "/" + resource : apiVersion + ", kind " + kind;
    }
}
