package io.kubeeventbridge.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Configuration for tests, bound from {@code key=value} lines exactly as Spring Boot binds application.yaml, defaults
 * included: tests name only what they care about, and keep compiling as the records grow.
 */
public final class TestProperties {

    private TestProperties() {}

    /** {@code bridge.*} from lines such as {@code "bridge.resources[0].api-version=v1"}. */
    public static BridgeProperties bind(String... properties) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String property : properties) {
            int equals = property.indexOf('=');
            values.put(property.substring(0, equals), property.substring(equals + 1));
        }
        return new Binder(new MapConfigurationPropertySource(values))
                .bind("bridge", BridgeProperties.class)
                .get();
    }

    /** One {@code bridge.resources[]} entry from lines below it, such as {@code "api-version=v1"}. */
    public static ResourceProperties entry(String... properties) {
        String[] prefixed = new String[properties.length];
        for (int index = 0; index < properties.length; index++) {
            prefixed[index] = "bridge.resources[0]." + properties[index];
        }
        return bind(prefixed).resources().get(0);
    }

    /** {@code properties} watching {@code entries} instead of its own resources. */
    public static BridgeProperties withResources(BridgeProperties properties, List<ResourceProperties> entries) {
        return new BridgeProperties(
                properties.clusterName(),
                entries,
                properties.kafka(),
                properties.informer(),
                properties.payload(),
                properties.query(),
                properties.leaderElection());
    }
}
