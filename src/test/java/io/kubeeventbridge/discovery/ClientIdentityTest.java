package io.kubeeventbridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

class ClientIdentityTest {

    @Test
    void aServiceAccountTokenNamesItsServiceAccount() {
        try (KubernetesClient client = DiscoveryRequestsTest.clientOf("system:serviceaccount:shop:bridge")) {
            assertThat(ClientIdentity.describe(client.getConfiguration())).isEqualTo("service account shop/bridge");
        }
    }

    @Test
    void anotherTokenNamesItsSubject() {
        try (KubernetesClient client = DiscoveryRequestsTest.clientOf("alice@example.com")) {
            assertThat(ClientIdentity.describe(client.getConfiguration())).isEqualTo("user \"alice@example.com\"");
        }
    }

    @Test
    void aTokenThatIsNoJwtIsNeverQuoted() {
        Config config = new ConfigBuilder(Config.empty())
                .withOauthToken("opaque-secret")
                .build();

        assertThat(ClientIdentity.describe(config)).isEqualTo("the configured bearer token");
    }

    @Test
    void withoutCredentialsTheBridgeIsAnonymous() {
        assertThat(ClientIdentity.describe(Config.empty())).isEqualTo("anonymous (no credentials configured)");
    }
}
