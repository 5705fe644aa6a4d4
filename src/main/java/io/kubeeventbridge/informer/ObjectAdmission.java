package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.event.ResourceType;

/**
 * Makes an object from the API server fit to be cached and handed to a {@link ChangeListener}: applies the entry's
 * {@link ObjectFilter} (the payload policy, which redacts Secret values), then fills in apiVersion and kind, which
 * list items may lack, so the stored JSON is exactly an event's data.
 *
 * <p>Applied where objects enter the {@link CompactItemStore} and again where changes are handed over, for objects
 * that never went through the store (a watched delete carries the object of the watch event): so no object reaches
 * the cache or a listener unfiltered, whatever order fabric8 calls the store and the handlers in.
 */
final class ObjectAdmission {

    private final ObjectFilter filter;
    private final ResourceType type;

    ObjectAdmission(ObjectFilter filter, ResourceType type) {
        this.filter = filter;
        this.type = type;
    }

    /** Prepares {@code object} in place and returns it. Admitting an admitted object again changes nothing. */
    GenericKubernetesResource admit(GenericKubernetesResource object) {
        // A reduced object came out of the store, admitted when it went in.
        if (object instanceof ReducedResource) {
            return object;
        }
        filter.apply(object);
        if (object.getApiVersion() == null || object.getApiVersion().isBlank()) {
            object.setApiVersion(type.apiVersion());
        }
        if (object.getKind() == null || object.getKind().isBlank()) {
            object.setKind(type.kind());
        }
        return object;
    }
}
