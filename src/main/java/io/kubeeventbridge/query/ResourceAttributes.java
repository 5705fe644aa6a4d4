package io.kubeeventbridge.query;

/**
 * What a query request reads, in the terms of a SubjectAccessReview: the verb, the resource and where.
 *
 * @param verb {@code get}, {@code list} or {@code watch}
 * @param group API group, empty for the core group
 * @param version API version
 * @param resource the plural
 * @param namespace the namespace, or empty for all namespaces and cluster-scoped resources
 * @param name the object's name for {@code get}, else empty
 */
public record ResourceAttributes(
        String verb, String group, String version, String resource, String namespace, String name) {

    /** As the API server words a denial: {@code pods is forbidden: User "x" cannot list resource ...}. */
    String forbiddenMessage(String user) {
        return resource + (name.isEmpty() ? "" : " \"" + name + "\"") + " is forbidden: User \"" + user
                + "\" cannot " + verb + " resource \"" + resource + "\" in API group \"" + group + "\""
                + (namespace.isEmpty() ? " at the cluster scope" : " in the namespace \"" + namespace + "\"");
    }
}
