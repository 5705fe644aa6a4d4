package io.kubeeventbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.InformerSettings;
import io.kubeeventbridge.config.KafkaLayout;
import io.kubeeventbridge.config.PayloadSettings;
import io.kubeeventbridge.config.PayloadSettings.SecretValues;
import io.kubeeventbridge.config.QuerySettings;
import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.ObjectFilter;
import io.kubeeventbridge.informer.ObjectFilterFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class PayloadConfigurationTest {

    private static final ResourceType SECRETS = new ResourceType("", "v1", "secrets", "Secret", true);
    private static final ResourceType CONFIG_MAPS = new ResourceType("", "v1", "configmaps", "ConfigMap", true);
    private static final ResourceType LOOKALIKE = new ResourceType("example.com", "v1", "secrets", "Secret", true);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void secretsAreRedactedByDefaultAndOtherResourcesKeepTheirData(CapturedOutput output) {
        ObjectFilterFactory filters = new PayloadConfiguration().objectFilters(properties(SecretValues.REDACT));

        assertThat(filtered(filters, SECRETS)).doesNotContain("aHVudGVyMg==");
        assertThat(filtered(filters, CONFIG_MAPS)).contains("aHVudGVyMg==");
        assertThat(filtered(filters, LOOKALIKE)).contains("aHVudGVyMg==");
        assertThat(output).doesNotContain("WARN");
    }

    @Test
    void plainSecretsKeepTheirValuesAndWarnAtStartup(CapturedOutput output) {
        ObjectFilterFactory filters = new PayloadConfiguration().objectFilters(properties(SecretValues.PLAIN));

        assertThat(output).contains("WARN").contains("bridge.payload.secret-values is 'plain'");
        assertThat(filtered(filters, SECRETS)).contains("aHVudGVyMg==");
    }

    @Test
    void entryDropPathsAddToTheGlobalOnes() {
        ResourceProperties entry =
                new ResourceProperties("v1", "configmaps", null, null, null, null, null, List.of("/data/password"));
        ObjectFilter filter = new PayloadConfiguration()
                .objectFilters(properties(SecretValues.REDACT))
                .filterFor(entry, CONFIG_MAPS);
        GenericKubernetesResource object = object();

        filter.apply(object);

        assertThat(JSON.writeValueAsString(object)).doesNotContain("password").doesNotContain("binaryData");
    }

    private static String filtered(ObjectFilterFactory filters, ResourceType type) {
        GenericKubernetesResource object = object();
        filters.filterFor(entry(), type).apply(object);
        return JSON.writeValueAsString(object);
    }

    private static GenericKubernetesResource object() {
        return JSON.readValue("""
                {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s", "namespace": "n"},
                 "data": {"password": "aHVudGVyMg=="}, "binaryData": {"x": "eA=="}}""", GenericKubernetesResource.class);
    }

    private static ResourceProperties entry() {
        return new ResourceProperties("v1", "secrets", null, null, null, null, null, null);
    }

    private static BridgeProperties properties(SecretValues secretValues) {
        return new BridgeProperties(
                "test",
                List.of(entry()),
                new KafkaLayout(
                        "k8s.{group}.{kind}",
                        KafkaLayout.ContentMode.BINARY,
                        true,
                        Duration.ofSeconds(20),
                        "checkpoints",
                        Duration.ofMinutes(1)),
                new InformerSettings(InformerSettings.MissingResourcePolicy.WAIT, Duration.ofSeconds(5), Duration.ZERO),
                new PayloadSettings(true, List.of("/binaryData"), secretValues, null),
                new QuerySettings(QuerySettings.Auth.NONE, Duration.ofSeconds(10), 10000, 10));
    }
}
