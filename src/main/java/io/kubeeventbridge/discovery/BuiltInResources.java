package io.kubeeventbridge.discovery;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.kubeeventbridge.event.ResourceType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The resource types fabric8's model knows, for API servers whose discovery cannot answer (such as the mock API
 * server, whose discovery only covers custom resources). Read from the model's service registrations without
 * instantiating anything.
 */
final class BuiltInResources {

    private final Map<String, ResourceType> byKind = new HashMap<>();
    private final Map<String, ResourceType> byPlural = new HashMap<>();

    private BuiltInResources() {}

    static BuiltInResources load() {
        BuiltInResources builtIns = new BuiltInResources();
        ServiceLoader.load(KubernetesResource.class, BuiltInResources.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::type)
                .filter(HasMetadata.class::isAssignableFrom)
                .forEach(builtIns::register);
        return builtIns;
    }

    Optional<ResourceType> find(String apiVersion, String plural, String kind) {
        ResourceType type = plural != null
                ? byPlural.get(key(apiVersion, plural))
                : byKind.get(key(apiVersion, kind.toLowerCase(Locale.ROOT)));
        return Optional.ofNullable(type);
    }

    private void register(Class<?> modelClass) {
        String group = HasMetadata.getGroup(modelClass);
        String version = HasMetadata.getVersion(modelClass);
        String kind = HasMetadata.getKind(modelClass);
        if (version == null || version.isEmpty() || kind == null) {
            return;
        }
        ResourceType type = new ResourceType(
                group == null ? "" : group,
                version,
                HasMetadata.getPlural(modelClass),
                kind,
                Namespaced.class.isAssignableFrom(modelClass));
        byKind.putIfAbsent(key(type.apiVersion(), type.kind().toLowerCase(Locale.ROOT)), type);
        byPlural.putIfAbsent(key(type.apiVersion(), type.plural()), type);
    }

    private static String key(String apiVersion, String name) {
        return apiVersion + "|" + name;
    }
}
