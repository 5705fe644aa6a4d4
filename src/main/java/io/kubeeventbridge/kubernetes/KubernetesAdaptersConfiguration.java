package io.kubeeventbridge.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.query.AccessReviewer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ports other packages define, implemented against the API server through the fabric8 client. */
@Configuration(proxyBeanMethods = false)
class KubernetesAdaptersConfiguration {

    @Bean
    AccessReviewer accessReviewer(KubernetesClient client) {
        return new KubernetesAccessReviewer(client);
    }
}
