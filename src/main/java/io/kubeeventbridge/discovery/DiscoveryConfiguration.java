package io.kubeeventbridge.discovery;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DiscoveryConfiguration {

    @Bean
    ResourceResolver resourceResolver(KubernetesClient client) {
        return new ResourceResolver(client);
    }
}
