package io.kubeeventbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.PayloadSettings.SecretValues;
import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.config.TestProperties;
import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.informer.ObjectFilter;
import io.kubeeventbridge.informer.ObjectFilterFactory;
import java.util.ArrayList;
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
    void kindsNamedInRedactKindsAreRedactedLikeV1Secrets() {
        ObjectFilterFactory filters = new PayloadConfiguration()
                .objectFilters(properties(SecretValues.REDACT, "bridge.payload.redact-kinds=example.com/v1/Secret"));

        assertThat(filtered(filters, LOOKALIKE)).doesNotContain("aHVudGVyMg==").contains("PHJlZGFjdGVkPg==");
        assertThat(filtered(filters, SECRETS)).doesNotContain("aHVudGVyMg==");
        assertThat(filtered(filters, CONFIG_MAPS)).contains("aHVudGVyMg==");
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
                TestProperties.entry("api-version=v1", "resource=configmaps", "drop-paths=/data/password");
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
        return TestProperties.entry("api-version=v1", "resource=secrets");
    }

    private static BridgeProperties properties(SecretValues secretValues, String... more) {
        List<String> lines = new ArrayList<>(List.of(
                "bridge.resources[0].api-version=v1",
                "bridge.resources[0].resource=secrets",
                "bridge.payload.drop-paths=/binaryData",
                "bridge.payload.secret-values=" + secretValues));
        lines.addAll(List.of(more));
        return TestProperties.bind(lines.toArray(String[]::new));
    }
}
