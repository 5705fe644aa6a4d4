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
    ResourceResolver resourceResolver(DiscoveryRequests discovery) {
        return new ResourceResolver(discovery);
    }

    @Bean
    GroupResolver groupResolver(DiscoveryRequests discovery) {
        return new GroupResolver(discovery);
    }
}
