package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.config.InformerSettings;
import io.kubeeventbridge.config.KafkaLayout;
import io.kubeeventbridge.config.PayloadSettings;
import io.kubeeventbridge.config.QuerySettings;
import io.kubeeventbridge.config.ResourceProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

class QueryConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(QueryConfiguration.class)
            .withBean(KubernetesClient.class, () -> Mockito.mock(KubernetesClient.class))
            .withBean(
                    BridgeProperties.class,
                    () -> new BridgeProperties(
                            "test",
                            List.of(Mockito.mock(ResourceProperties.class)),
                            Mockito.mock(KafkaLayout.class),
                            Mockito.mock(InformerSettings.class),
                            Mockito.mock(PayloadSettings.class),
                            new QuerySettings(QuerySettings.Auth.KUBERNETES, Duration.ofSeconds(5), 10)));

    @Test
    void authNoneByDefaultRegistersNoFilter() {
        runner.run(context -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
    }

    @Test
    void authKubernetesRegistersTheFilterOnTheQueryPaths() {
        runner.withPropertyValues("bridge.query.auth=kubernetes").run(context -> {
            assertThat(context).hasSingleBean(FilterRegistrationBean.class);
            assertThat(context.getBean(FilterRegistrationBean.class).getUrlPatterns())
                    .containsExactly("/k8s", "/k8s/*");
        });
    }
}
