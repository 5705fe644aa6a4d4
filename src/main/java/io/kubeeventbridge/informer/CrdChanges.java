package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.InformerError.Reason;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which API groups' CustomResourceDefinitions changed lately, from a watch on the CRD objects, so that group entries
 * look their group up again when it changes instead of polling discovery. Where the bridge may not list or watch CRDs,
 * or until the watch runs, {@link #watching()} says no and group entries poll.
 *
 * <p>A CRD's resource enters discovery a little after the CRD object appears (once the API server has established it)
 * and leaves it a little after the object is deleted, so a group counts as changed for a while after each event.
 *
 * <p>The cache keeps only each CRD's name and group: CRDs carry schemas, often of hundreds of kilobytes.
 */
final class CrdChanges {

    private static final Logger log = LoggerFactory.getLogger(CrdChanges.class);
    private static final Duration SETTLING = Duration.ofSeconds(30);
    private static final InformerTarget CRDS = new InformerTarget(
            new ResourceType(
                    "apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false),
            null,
            null,
            null);

    private final KubernetesClient client;
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();
    private SharedIndexInformer<CustomResourceDefinition> informer;
    private volatile boolean listed;
    private volatile InformerError refused;

    CrdChanges(KubernetesClient client) {
        this.client = client;
    }

    synchronized void start() {
        changedAt.clear();
        listed = false;
        refused = null;
        informer = client.apiextensions().v1().customResourceDefinitions().runnableInformer(0);
        informer.itemStore(new ReducedStateItemStore<>(
                ReducedStateItemStore.NAME_KEY_STATE,
                CustomResourceDefinition.class,
                client.getKubernetesSerialization(),
                "spec.group"));
        informer.addEventHandler(new Changes());
        informer.exceptionHandler((started, error) -> {
            InformerError failure = InformerErrors.classify(error, CRDS);
            if (failure.reason() != Reason.FORBIDDEN && failure.code() != 401) {
                return true; // fabric8 retries; group entries poll meanwhile
            }
            refused = failure;
            log.info("Group entries poll discovery every retry interval: {}", failure.message());
            return false;
        });
        informer.start();
    }

    synchronized void stop() {
        if (informer != null) {
            informer.stop();
        }
    }

    /** Whether CRD changes are being watched: the first list is done, the watch runs, and was never refused. */
    boolean watching() {
        return refused == null && listed && informer.isWatching();
    }

    /** Whether a CRD of {@code group} was added, changed or deleted within the last {@link #SETTLING} period. */
    boolean changedRecently(String group) {
        Long at = changedAt.get(group);
        return at != null && System.nanoTime() - at < SETTLING.toNanos();
    }

    /** How group entries learn of new and removed CRDs, for health. */
    String describe() {
        if (watching()) {
            return "watching customresourcedefinitions";
        }
        return refused != null
                ? "polling discovery (" + refused.message() + ")"
                : "polling discovery until the customresourcedefinitions watch runs";
    }

    private final class Changes implements ResourceEventHandler<CustomResourceDefinition> {

        @Override
        public void onList(String resourceVersion, boolean remainedEmpty) {
            listed = true;
        }

        // The first list's CRDs count as changes too: one may have appeared after its group was looked up.
        @Override
        public void onAdd(CustomResourceDefinition crd) {
            changed(crd);
        }

        @Override
        public void onUpdate(CustomResourceDefinition previous, CustomResourceDefinition crd) {
            changed(crd);
        }

        @Override
        public void onDelete(CustomResourceDefinition crd, boolean finalStateUnknown) {
            changed(crd);
        }

        private void changed(CustomResourceDefinition crd) {
            if (crd.getSpec() != null && crd.getSpec().getGroup() != null) {
                changedAt.put(crd.getSpec().getGroup(), System.nanoTime());
            }
        }
    }
}
