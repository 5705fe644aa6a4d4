package io.kubeeventbridge.query;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.QuerySettings;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

    @Bean
    TableRenderer tableRenderer() {
        return new TableRenderer(Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(name = "bridge.query.auth", havingValue = "kubernetes")
    FilterRegistrationBean<KubernetesAuthFilter> kubernetesAuthFilter(
            KubernetesClient client, BridgeProperties properties) {
        QuerySettings settings = properties.query();
        AccessReviewer reviewer = new CachingAccessReviewer(
                new KubernetesAccessReviewer(client),
                settings.decisionCacheTtl(),
                settings.decisionCacheSize(),
                Clock.systemUTC());
        FilterRegistrationBean<KubernetesAuthFilter> registration =
                new FilterRegistrationBean<>(new KubernetesAuthFilter(reviewer));
        registration.addUrlPatterns("/k8s", "/k8s/*");
        return registration;
    }
}
