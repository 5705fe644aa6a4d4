package io.kubeeventbridge.discovery;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DiscoveryConfiguration {

    @Bean
    DiscoveryRequests discoveryRequests(KubernetesClient client) {
        return new DiscoveryRequests(client);
    }

    @Bean
    ClusterVersion clusterVersion(KubernetesClient client) {
        return new ClusterVersion(() -> client.raw("/version"));
    }

    @Bean
    ResourceAliases resourceAliases() {
        return new ResourceAliases();
    }

    @Bean
    ResourceResolver resourceResolver(DiscoveryRequests discovery, ResourceAliases aliases) {
        return new ResourceResolver(discovery, aliases);
    }

    @Bean
    GroupResolver groupResolver(DiscoveryRequests discovery, ResourceAliases aliases) {
        return new GroupResolver(discovery, aliases);
    }
}
