package io.kubeeventbridge.support;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The group discovery documents ({@code /apis/{group}}) the mock API server lacks, built as an API server builds them
 * for the groups of its CRDs: every served version, the preferred one (by Kubernetes' version priority) first. Groups
 * without a CRD are not served. Built-in groups stay unserved, as they are in the rest of the mock's discovery.
 */
final class ApiGroupDocuments {

    private static final Pattern GROUP_PATH = Pattern.compile("/apis/([a-z0-9.-]+\\.[a-z0-9.-]+)");
    private static final Pattern KUBE_VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

    private ApiGroupDocuments() {}

    /** The group a request path asks for the document of, if it is one: {@code /apis/example.com}. */
    static Optional<String> groupOf(String path) {
        Matcher matcher = GROUP_PATH.matcher(path);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The group's document as JSON, or empty when no CRD of {@code crds} (a CRD list, as JSON) is of the group. */
    static Optional<String> document(String group, String crds) {
        List<String> versions = Serialization.unmarshal(crds, CustomResourceDefinitionList.class).getItems().stream()
                .map(CustomResourceDefinition::getSpec)
                .filter(spec -> group.equals(spec.getGroup()))
                .flatMap(spec -> spec.getVersions().stream())
                .filter(version -> Boolean.TRUE.equals(version.getServed()))
                .map(CustomResourceDefinitionVersion::getName)
                .distinct()
                .sorted(Comparator.comparing(ApiGroupDocuments::priority).thenComparing(Comparator.naturalOrder()))
                .toList();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        List<GroupVersionForDiscovery> listed = versions.stream()
                .map(version -> new GroupVersionForDiscovery(group + "/" + version, version))
                .toList();
        return Optional.of(Serialization.asJson(new APIGroupBuilder()
                .withName(group)
                .withVersions(listed)
                .withPreferredVersion(listed.get(0))
                .build()));
    }

    /** Lower is preferred: GA before beta before alpha, higher numbers first, anything else last. */
    private static long priority(String version) {
        Matcher matcher = KUBE_VERSION.matcher(version);
        if (!matcher.matches()) {
            return Long.MAX_VALUE;
        }
        long stability = matcher.group(2) == null ? 0 : matcher.group(2).equals("beta") ? 1 : 2;
        long major = Long.parseLong(matcher.group(1));
        long minor = matcher.group(3) == null ? 0 : Long.parseLong(matcher.group(3));
        return stability * 1_000_000_000L - major * 1_000_000L - minor;
    }
}
