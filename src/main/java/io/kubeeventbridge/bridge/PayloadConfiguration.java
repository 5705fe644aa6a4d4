package io.kubeeventbridge.bridge;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.PayloadSettings;
import io.kubeeventbridge.informer.ObjectFilter;
import io.kubeeventbridge.informer.ObjectFilterFactory;
import io.kubeeventbridge.payload.DropPath;
import io.kubeeventbridge.payload.PayloadFilter;
import io.kubeeventbridge.payload.SecretHashKey;
import io.kubeeventbridge.payload.SecretMasker;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the payload policy ({@code bridge.payload}) into the informers, which apply it before caching. */
@Configuration(proxyBeanMethods = false)
class PayloadConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PayloadConfiguration.class);
    private static final String V1_SECRET = "v1/Secret";

    /**
     * One filter per configured entry: the global policy, the entry's own drop-paths, Secret masking for {@code v1}
     * Secrets and the kinds of {@code redact-kinds}.
     */
    @Bean
    ObjectFilterFactory objectFilters(BridgeProperties properties) {
        PayloadSettings payload = properties.payload();
        SecretMasker masker = secretMasker(payload);
        List<DropPath> globalPaths = parse(payload.dropPaths());
        Set<String> secretKinds = new HashSet<>(payload.redactKinds());
        secretKinds.add(V1_SECRET);
        return (entry, type) -> {
            List<DropPath> paths = Stream.concat(globalPaths.stream(), parse(entry.dropPaths()).stream())
                    .toList();
            boolean secret = secretKinds.contains(type.apiVersion() + "/" + type.kind());
            PayloadFilter filter = new PayloadFilter(payload.dropManagedFields(), paths, secret ? masker : null);
            return filter.isIdentity() ? ObjectFilter.NONE : filter::apply;
        };
    }

    private static SecretMasker secretMasker(PayloadSettings payload) {
        return switch (payload.secretValues()) {
            case REDACT -> SecretMasker.redacting();
            case HASH -> {
                // Validated at startup already; read here once, kept only inside the masker.
                try {
                    yield SecretMasker.hashing(SecretHashKey.read(payload.secretHashKeyFile()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("bridge.payload.secret-hash-key-file " + e.getMessage(), e);
                }
            }
            case PLAIN -> {
                log.warn("bridge.payload.secret-values is 'plain': the values of watched Secrets are published to "
                        + "Kafka, served by the query API and written wherever objects are logged. Use 'redact' or "
                        + "'hash' unless every reader of those may see every Secret.");
                yield null;
            }
        };
    }

    // Validated at startup already, so parsing cannot fail here.
    private static List<DropPath> parse(List<String> pointers) {
        return pointers.stream().map(DropPath::parse).toList();
    }
}
