package io.kubeeventbridge.query;

import java.util.Optional;

/**
 * What a query request reads, in the terms of a SubjectAccessReview: the verb, the resource and where.
 *
 * @param verb {@code get} or {@code list}
 * @param group API group, empty for the core group
 * @param version API version
 * @param resource the plural
 * @param namespace the namespace, or empty for all namespaces and cluster-scoped resources
 * @param name the object's name for {@code get}, else empty
 */
record ResourceAttributes(String verb, String group, String version, String resource, String namespace, String name) {

    /**
     * The attributes of a path under {@code /k8s}, or empty for paths that read no resource (discovery, version) or
     * that no controller serves.
     */
    static Optional<ResourceAttributes> of(String path) {
        String[] all = path.replaceAll("^/+|/+$", "").split("/");
        if (all.length < 2 || !all[0].equals("k8s")) {
            return Optional.empty();
        }
        String group;
        int rest;
        if (all[1].equals("api") && all.length >= 4) {
            group = "";
            rest = 2;
        } else if (all[1].equals("apis") && all.length >= 5) {
            group = all[2];
            rest = 3;
        } else {
            return Optional.empty();
        }
        String version = all[rest];
        int left = all.length - rest - 1;
        int at = rest + 1;
        String namespace = "";
        if (left >= 3 && all[at].equals("namespaces")) {
            namespace = all[at + 1];
            at += 2;
            left -= 2;
        }
        return switch (left) {
            case 1 -> Optional.of(new ResourceAttributes("list", group, version, all[at], namespace, ""));
            case 2 -> Optional.of(new ResourceAttributes("get", group, version, all[at], namespace, all[at + 1]));
            default -> Optional.empty();
        };
    }

    /** As the API server words a denial: {@code pods is forbidden: User "x" cannot list resource ...}. */
    String forbiddenMessage(String user) {
        return resource + (name.isEmpty() ? "" : " \"" + name + "\"") + " is forbidden: User \"" + user
                + "\" cannot " + verb + " resource \"" + resource + "\" in API group \"" + group + "\""
                + (namespace.isEmpty() ? " at the cluster scope" : " in the namespace \"" + namespace + "\"");
    }
}
