package io.kubeeventbridge.payload;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The payload policy of one watched resource type, applied to each object in place, before the informer caches
 * it: drops {@code metadata.managedFields} and the configured JSON pointers, and for Secrets replaces every value of
 * {@code data} and {@code stringData} and removes the {@code last-applied-configuration} annotation, which holds
 * the values in plain text. Pure: no Spring, no I/O.
 *
 * <p>Idempotent, and applying it again to a filtered object writes nothing, since the informer filters an object
 * where it enters the cache and again where its change is handed over, while the query API may be encoding it: a
 * hashed value must not be hashed again, so replaced value maps are marked by their (in-memory only) type.
 */
public final class PayloadFilter {

    public static final String LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

    private final boolean dropManagedFields;
    private final List<DropPath> dropPaths;
    private final SecretMasker secretMasker;

    /**
     * @param secretMasker how Secret values are replaced; {@code null} for resources that are not Secrets, or when
     *     Secret values are explicitly configured to stay plain
     */
    public PayloadFilter(boolean dropManagedFields, List<DropPath> dropPaths, SecretMasker secretMasker) {
        this.dropManagedFields = dropManagedFields;
        this.dropPaths = List.copyOf(dropPaths);
        this.secretMasker = secretMasker;
    }

    /** Whether this filter would leave every object as it is. */
    public boolean isIdentity() {
        return !dropManagedFields && dropPaths.isEmpty() && secretMasker == null;
    }

    /** Applies the policy to {@code object}, modifying it. Never throws for unusual content, never quotes it. */
    public void apply(GenericKubernetesResource object) {
        ObjectMeta metadata = object.getMetadata();
        if (dropManagedFields && metadata != null && metadata.getManagedFields() != null) {
            metadata.setManagedFields(null);
        }
        dropPaths.forEach(path -> path.removeFrom(object));
        if (secretMasker != null) {
            maskValues(object, "data", secretMasker::data);
            maskValues(object, "stringData", secretMasker::stringData);
            removeLastApplied(object.getMetadata());
        }
    }

    private static void maskValues(GenericKubernetesResource object, String field, UnaryOperator<String> mask) {
        Object values = object.getAdditionalProperties().get(field);
        if (values == null || values instanceof MaskedValues) {
            return;
        }
        MaskedValues masked = new MaskedValues();
        // Anything but a map of strings is not a valid Secret; keep its keys at most, never its content.
        if (values instanceof Map<?, ?> map) {
            map.forEach((key, value) ->
                    masked.put(String.valueOf(key), value == null ? null : mask.apply(String.valueOf(value))));
        }
        object.setAdditionalProperty(field, masked);
    }

    private static void removeLastApplied(ObjectMeta metadata) {
        if (metadata == null
                || metadata.getAnnotations() == null
                || !metadata.getAnnotations().containsKey(LAST_APPLIED_ANNOTATION)) {
            return;
        }
        Map<String, String> annotations = new LinkedHashMap<>(metadata.getAnnotations());
        annotations.remove(LAST_APPLIED_ANNOTATION);
        metadata.setAnnotations(annotations);
    }

    /** Values already replaced: a type Jackson never creates, so content read from the API server cannot fake it. */
    private static final class MaskedValues extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
    }
}
