package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.discovery.GroupResolver;
import io.kubeeventbridge.discovery.ResourceResolver;
import io.kubeeventbridge.kubernetes.KubernetesClients;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InformerConfiguration {

    /**
     * Configured the standard fabric8 way: kubeconfig, the in-cluster service account, or the
     * {@code KUBERNETES_MASTER} environment variable and {@code kubernetes.*} system properties.
     */
    @Bean(destroyMethod = "close")
    KubernetesClient kubernetesClient() {
        return KubernetesClients.create(Config.autoConfigure(null));
    }

    @Bean(destroyMethod = "close")
    CacheCompressor cacheCompressor() {
        return new CacheCompressor(ZstdLibrary.load());
    }

    // Closed by the WatchCoordinator's lifecycle, which stops the informers before the client closes.
    @Bean(destroyMethod = "")
    InformerFactory informerFactory(
            KubernetesClient client, BridgeProperties properties, CacheCompressor compressor, MeterRegistry meters) {
        return new InformerFactory(
                client,
                properties.informer().resyncPeriod(),
                properties.informer().listPageSize(),
                new ChangeFeeds(properties.query().watchWindow()),
                compressor,
                new CacheGauges(meters, compressor));
    }

    @Bean
    EntryInformers entryInformers(
            InformerFactory informers, ChangeListenerFactory listeners, ObjectFilterFactory filters) {
        return new EntryInformers(informers, listeners, filters);
    }

    @Bean
    GroupWatches groupWatches(
            BridgeProperties properties, GroupResolver resolver, EntryInformers informers, KubernetesClient client) {
        return new GroupWatches(properties, resolver, informers, new CrdChanges(client));
    }

    @Bean
    ResourceEntries resourceEntries(BridgeProperties properties, ResourceResolver resolver, EntryInformers informers) {
        return new ResourceEntries(properties, resolver, informers);
    }

    @Bean
    WatchCoordinator watchCoordinator(
            BridgeProperties properties,
            ResourceResolver resolver,
            InformerFactory informers,
            ResourceEntries entries,
            GroupWatches groups) {
        return new WatchCoordinator(properties, resolver, informers, entries, groups);
    }
}
