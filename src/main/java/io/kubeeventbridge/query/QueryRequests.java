package io.kubeeventbridge.query;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What a request to the query API reads, found the way Spring MVC finds the controller that serves it: the same
 * {@link QueryPaths} patterns matched against the same decoded path (percent-decoded, {@code ;} parameters dropped),
 * so that access is checked on exactly what is served, however the client encoded the path.
 */
final class QueryRequests {

    private static final List<PathPattern> DISCOVERY = patterns(
            "",
            QueryPaths.VERSION,
            QueryPaths.CORE,
            QueryPaths.CORE_VERSION,
            QueryPaths.GROUPS,
            QueryPaths.GROUP,
            QueryPaths.GROUP_VERSION,
            QueryPaths.OPENAPI,
            QueryPaths.OPENAPI + "/**");
    private static final List<PathPattern> LISTS = patterns(
            QueryPaths.CORE_LIST,
            QueryPaths.GROUP_LIST,
            QueryPaths.CORE_LIST_IN_NAMESPACE,
            QueryPaths.GROUP_LIST_IN_NAMESPACE);
    private static final List<PathPattern> GETS = patterns(
            QueryPaths.CORE_GET,
            QueryPaths.GROUP_GET,
            QueryPaths.CORE_GET_IN_NAMESPACE,
            QueryPaths.GROUP_GET_IN_NAMESPACE);
    private static final PathPattern ANY = PathPatternParser.defaultInstance.parse(QueryPaths.PREFIX + "/**");

    private QueryRequests() {}

    /** Whether the request is for the query API at all, under {@link QueryPaths#PREFIX}. */
    static boolean isQuery(HttpServletRequest request) {
        return ANY.matches(path(request));
    }

    /** Whether the request reads a discovery document, the version or OpenAPI, which name no resource. */
    static boolean isDiscovery(HttpServletRequest request) {
        PathContainer path = path(request);
        return DISCOVERY.stream().anyMatch(pattern -> pattern.matches(path));
    }

    /** The resource a read request lists, watches or gets, or empty when it reads none. */
    static Optional<ResourceAttributes> resource(HttpServletRequest request) {
        PathContainer path = path(request);
        String listVerb = isWatch(request.getParameter("watch")) ? "watch" : "list";
        return match(LISTS, path)
                .map(variables -> attributes(listVerb, variables))
                .or(() -> match(GETS, path).map(variables -> attributes("get", variables)));
    }

    /**
     * Whether a list path with this {@code watch} parameter (its first value) is a watch, as the API server reads it:
     * the controllers serve a watch exactly when authorization reviewed one.
     */
    static boolean isWatch(String watch) {
        return BooleanParameter.isTrue(watch);
    }

    private static ResourceAttributes attributes(String verb, Map<String, String> variables) {
        return new ResourceAttributes(
                verb,
                variables.getOrDefault("group", ""),
                variables.get("version"),
                variables.get("plural"),
                variables.getOrDefault("namespace", ""),
                variables.getOrDefault("name", ""));
    }

    private static Optional<Map<String, String>> match(List<PathPattern> patterns, PathContainer path) {
        return patterns.stream()
                .map(pattern -> pattern.matchAndExtract(path))
                .filter(info -> info != null)
                .findFirst()
                .map(PathPattern.PathMatchInfo::getUriVariables);
    }

    private static PathContainer path(HttpServletRequest request) {
        return RequestPath.parse(request.getRequestURI(), request.getContextPath())
                .pathWithinApplication();
    }

    private static List<PathPattern> patterns(String... paths) {
        return Stream.of(paths)
                .map(path -> PathPatternParser.defaultInstance.parse(QueryPaths.PREFIX + path))
                .toList();
    }
}
