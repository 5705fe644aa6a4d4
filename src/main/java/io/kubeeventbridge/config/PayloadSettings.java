package io.kubeeventbridge.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the bridge keeps of each object, applied once before the object enters the informer cache: events, the
 * query API and logs only ever see the result.
 *
 * @param dropManagedFields whether {@code metadata.managedFields} is removed
 * @param dropPaths JSON pointers (RFC 6901) removed from every object, e.g. {@code /status/conditions}; each entry of
 *     {@code bridge.resources} can add its own
 * @param secretValues what happens to the values of {@code data} and {@code stringData} of {@code v1} Secrets
 * @param secretHashKeyFile file holding the HMAC key (at least 32 bytes) when {@code secretValues} is {@code hash},
 *     typically a mounted Kubernetes Secret
 * @param redactKinds further kinds whose {@code data} and {@code stringData} hold secrets, as
 *     {@code group/version/Kind} (e.g. {@code evil.example.com/v1/Secret}): treated exactly like {@code v1} Secrets
 */
public record PayloadSettings(
        @DefaultValue("true") boolean dropManagedFields,
        List<String> dropPaths,
        @DefaultValue("redact") @NotNull SecretValues secretValues,
        Path secretHashKeyFile,
        List<
                        @Pattern(
                                regexp = REDACT_KIND,
                                message = "must be group/version/Kind, such as \"evil.example.com/v1/Secret\"")
                        String>
                redactKinds) {

    static final String REDACT_KIND =
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/v[0-9]+((alpha|beta)[0-9]+)?/[A-Za-z][A-Za-z0-9]*";

    public PayloadSettings {
        dropPaths = dropPaths == null ? List.of() : List.copyOf(dropPaths);
        redactKinds = redactKinds == null ? List.of() : List.copyOf(redactKinds);
    }

    /** What becomes of Secret values. */
    public enum SecretValues {
        /** Every value replaced by the same placeholder; the keys stay. */
        REDACT,
        /** Every value replaced by its HMAC-SHA256 under {@code secret-hash-key-file}; the keys stay. */
        HASH,
        /** Values kept as they are: they reach Kafka, the query API and anything that logs objects. */
        PLAIN
    }
}
