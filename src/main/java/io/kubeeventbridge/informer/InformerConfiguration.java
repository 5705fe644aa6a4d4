package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.discovery.ResourceResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InformerConfiguration {

    /** The name under which fabric8 registers its {@code HttpLoggingInterceptor} when TRACE is on. */
    static final String HTTP_LOGGING = "HttpLogging";

    /**
     * Configured the standard fabric8 way: kubeconfig, the in-cluster service account, or the
     * {@code KUBERNETES_MASTER} environment variable and {@code kubernetes.*} system properties.
     *
     * <p>Without fabric8's HTTP wire log, whatever the log level: at TRACE it would write every response body (Secret
     * values, before any redaction) and the bearer token to the log.
     */
    @Bean(destroyMethod = "close")
    KubernetesClient kubernetesClient() {
        return new KubernetesClientBuilder()
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor(HTTP_LOGGING, null))
                .build();
    }

    // Closed by the WatchCoordinator's lifecycle, which stops the informers before the client closes.
    @Bean(destroyMethod = "")
    InformerRegistry informerRegistry(KubernetesClient client, BridgeProperties properties) {
        return new InformerRegistry(
                client,
                properties.informer().resyncPeriod(),
                new ChangeFeeds(properties.query().watchWindow()));
    }

    @Bean
    WatchCoordinator watchCoordinator(
            BridgeProperties properties,
            ResourceResolver resolver,
            InformerRegistry informers,
            ChangeListenerFactory listeners,
            ObjectFilterFactory filters) {
        return new WatchCoordinator(properties, resolver, informers, listeners, filters);
    }
}
