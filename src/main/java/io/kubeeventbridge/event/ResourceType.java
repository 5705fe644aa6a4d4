package io.kubeeventbridge.event;

import java.util.Locale;
import java.util.Objects;

/**
 * A fully resolved Kubernetes resource type: what discovery learns about a configured entry, and all the
 * event contract needs to name its events.
 *
 * @param group API group, empty for the core group
 * @param version API version within the group, e.g. {@code v1}
 * @param plural resource name used in URLs, e.g. {@code deployments}
 * @param kind object kind, e.g. {@code Deployment}
 * @param namespaced whether objects live in a namespace
 */
public record ResourceType(String group, String version, String plural, String kind, boolean namespaced) {

    static final String CORE_GROUP_NAME = "core";

    public ResourceType {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(plural, "plural");
        Objects.requireNonNull(kind, "kind");
    }

    /** {@code v1} for the core group, {@code group/version} otherwise, as in an object's apiVersion. */
    public String apiVersion() {
        return isCoreGroup() ? version : group + "/" + version;
    }

    /** The group as it appears in event types and topic names: {@code core} for the core group. */
    public String groupName() {
        return isCoreGroup() ? CORE_GROUP_NAME : group;
    }

    /** The kind in lower case, as it appears in event types and topic names. */
    public String lowerCaseKind() {
        return kind.toLowerCase(Locale.ROOT);
    }

    /** The URL prefix of this resource's group version: {@code /api/v1} or {@code /apis/apps/v1}. */
    public String groupVersionPath() {
        return isCoreGroup() ? "/api/" + version : "/apis/" + group + "/" + version;
    }

    public boolean isCoreGroup() {
        return group.isEmpty();
    }

    /** A short, stable name for logs and metric tags: {@code v1/pods}, {@code apps/v1/deployments}. */
    @Override
    public String toString() {
        return apiVersion() + "/" + plural;
    }
}
