package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.internal.BaseOperation;
import io.fabric8.kubernetes.client.impl.BaseClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.impl.DefaultSharedIndexInformer;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.selector.FieldRequirement;
import io.kubeeventbridge.selector.FieldSelector;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One fabric8 informer over one {@link InformerTarget}: starts it, stops it, reads its cache, reports its state. */
final class ResourceInformer {

    private static final Logger log = LoggerFactory.getLogger(ResourceInformer.class);

    private final InformerTarget target;
    private final SharedIndexInformer<GenericKubernetesResource> informer;
    private final IndexedStoreReader objects;
    private final TypeCompression compression;
    private volatile InformerError lastError;
    private volatile boolean stopRequested;

    ResourceInformer(
            KubernetesClient client,
            InformerTarget target,
            ChangeListener listener,
            ObjectFilter filter,
            TypeCompression compression,
            Duration resync,
            int listPageSize) {
        this.target = target;
        this.compression = compression;
        // fabric8 hands each page to the store before it asks for the next, which is read meanwhile
        // (PrefetchingLister): a list holds about two pages decoded instead of every object at once.
        this.informer = informer(client, target, listPageSize, resync);
        // Before anything else: the store admits (filters) every object before the cache or the listener sees it.
        CompactItemStore store = new CompactItemStore(filter, target.type(), compression);
        informer.itemStore(store);
        this.objects = new IndexedStoreReader(informer.getIndexer(), store);
        informer.addEventHandler(new ChangeClassifier(listener, store, target.namespace(), () -> {
            lastError = null;
            // Every object of the list is compacted by now: compress what waited for the sync to end.
            compression.listed();
        }));
        informer.exceptionHandler((started, error) -> {
            // Keep retrying: a missing permission or an unreachable API server may be fixed without a restart.
            // fabric8 logs the failure itself; keep it for health until the next successful list.
            lastError = InformerErrors.classify(error, target);
            return true;
        });
    }

    void start() {
        log.info("Starting informer for {}", target.describe());
        informer.start().thenRun(() -> log.info("Synced {}: {} objects cached", target.describe(), objects.size()));
    }

    void stop() {
        stopRequested = true;
        informer.stop();
        // No first list to wait for any more: nothing the store holds stays deferred.
        compression.listed();
    }

    InformerTarget target() {
        return target;
    }

    boolean hasSynced() {
        return informer.hasSynced();
    }

    String lastSyncResourceVersion() {
        return informer.lastSyncResourceVersion();
    }

    InformerStatus status() {
        boolean stopped = informer.stopped().toCompletableFuture().isDone();
        return new InformerStatus(
                target,
                informer.hasSynced(),
                informer.isRunning(),
                stopped && !stopRequested,
                objects.size(),
                lastError);
    }

    IndexedStoreReader store() {
        return objects;
    }

    /**
     * What {@code runnableInformer} builds, but running its tasks on a {@link ChainingExecutor} over the client's
     * pool rather than on the pool itself, so that its notifications do not each move to another thread, and reading
     * list pages as {@link PartlyDecodedList}s, each while the page before it is stored ({@link PrefetchingLister});
     * watch events are read partly decoded too, by the client ({@code KubernetesClients}).
     */
    @SuppressWarnings("unchecked")
    private static SharedIndexInformer<GenericKubernetesResource> informer(
            KubernetesClient client, InformerTarget target, int listPageSize, Duration resync) {
        BaseOperation<GenericKubernetesResource, GenericKubernetesResourceList, ?> operation =
                (BaseOperation<GenericKubernetesResource, GenericKubernetesResourceList, ?>)
                        scope(client, target).withLimit(listPageSize == 0 ? null : (long) listPageSize);
        operation.setListType((Class<GenericKubernetesResourceList>) (Class<?>) PartlyDecodedList.class);
        BaseClient base = client.adapt(BaseClient.class);
        DefaultSharedIndexInformer<GenericKubernetesResource, GenericKubernetesResourceList> informer =
                new DefaultSharedIndexInformer<>(
                        GenericKubernetesResource.class,
                        new PrefetchingLister(operation, base.getExecutor()),
                        resync.toMillis(),
                        new ChainingExecutor(base.getExecutor()));
        // As runnableInformer does: closing the client stops the informer.
        informer.started().whenComplete((ignored, failure) -> {
            if (failure == null) {
                base.addToCloseable(informer);
                informer.stopped().whenComplete((stopped, error) -> base.removeFromCloseable(informer));
            }
        });
        return informer;
    }

    private static FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList, ?> scope(
            KubernetesClient client, InformerTarget target) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
                resources = client.genericKubernetesResources(definition(target.type()));
        FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList, ?> scoped =
                target.namespace() == null ? resources.inAnyNamespace() : resources.inNamespace(target.namespace());
        if (target.labelSelector() != null) {
            scoped = scoped.withLabelSelector(target.labelSelector());
        }
        for (FieldRequirement requirement :
                FieldSelector.parse(target.fieldSelector()).requirements()) {
            scoped = requirement.operator() == FieldRequirement.Operator.EQUALS
                    ? scoped.withField(requirement.field(), requirement.value())
                    : scoped.withoutField(requirement.field(), requirement.value());
        }
        return scoped;
    }

    private static ResourceDefinitionContext definition(ResourceType type) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(type.group())
                .withVersion(type.version())
                .withPlural(type.plural())
                .withKind(type.kind())
                .withNamespaced(type.namespaced())
                .build();
    }
}
