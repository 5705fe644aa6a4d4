package io.kubeeventbridge.query;

/**
 * The paths the query API serves below {@link #PREFIX}, shared by its controllers and its authorization, so that
 * both read a request alike: Spring MVC and {@link QueryRequests} match the same patterns, on the same decoded path.
 */
final class QueryPaths {

    static final String PREFIX = "/k8s";

    static final String VERSION = "/version";
    static final String CORE = "/api";
    static final String CORE_VERSION = "/api/{version}";
    static final String GROUPS = "/apis";
    static final String GROUP = "/apis/{group}";
    static final String GROUP_VERSION = "/apis/{group}/{version}";
    static final String OPENAPI = "/openapi";

    static final String CORE_LIST = "/api/{version}/{plural}";
    static final String GROUP_LIST = "/apis/{group}/{version}/{plural}";
    static final String CORE_LIST_IN_NAMESPACE = "/api/{version}/namespaces/{namespace}/{plural}";
    static final String GROUP_LIST_IN_NAMESPACE = "/apis/{group}/{version}/namespaces/{namespace}/{plural}";
    static final String CORE_GET = "/api/{version}/{plural}/{name}";
    static final String GROUP_GET = "/apis/{group}/{version}/{plural}/{name}";
    static final String CORE_GET_IN_NAMESPACE = "/api/{version}/namespaces/{namespace}/{plural}/{name}";
    static final String GROUP_GET_IN_NAMESPACE = "/apis/{group}/{version}/namespaces/{namespace}/{plural}/{name}";

    private QueryPaths() {}
}
