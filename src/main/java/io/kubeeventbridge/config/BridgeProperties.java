package io.kubeeventbridge.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the bridge is told to do, under the {@code bridge} prefix.
 *
 * @param clusterName name of the watched cluster; events carry it in their source ({@code k8s://{cluster-name}})
 *     and in the {@code cluster} extension, so consumers can tell clusters apart
 * @param resources the resources to watch, one entry per resource type
 * @param kafka how events are laid out on Kafka
 * @param informer how informers are started and what happens to resources that do not exist yet
 * @param payload what is kept of each object before it is cached and published; Secret values never are, unless
 *     explicitly configured
 * @param query who may read the caches through the query API
 * @param leaderElection whether replicas elect one publisher
 */
@ConfigurationProperties(prefix = "bridge", ignoreUnknownFields = false)
@Validated
public record BridgeProperties(
        @DefaultValue("default")
        @Pattern(
                regexp = "[a-z0-9]([-a-z0-9.]*[a-z0-9])?",
                message = "must be lower-case letters, digits, '-' and '.' (it becomes the host of the "
                        + "event source URI k8s://{cluster-name})")
        String clusterName,

        @NotEmpty(message = "lists no resource to watch; add at least one entry with api-version and resource or kind")
        List<@Valid ResourceProperties> resources,

        @DefaultValue @Valid @NotNull @NestedConfigurationProperty
        KafkaSettings kafka,

        @DefaultValue @Valid @NotNull @NestedConfigurationProperty
        InformerSettings informer,

        @DefaultValue @Valid @NotNull @NestedConfigurationProperty
        PayloadSettings payload,

        @DefaultValue @Valid @NotNull @NestedConfigurationProperty
        QuerySettings query,

        @DefaultValue @Valid @NotNull @NestedConfigurationProperty
        LeaderElectionSettings leaderElection) {

    public BridgeProperties {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }
}
