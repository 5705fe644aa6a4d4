package io.kubeeventbridge.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** How the bridge builds its Kubernetes clients. */
public final class KubernetesClients {

    /** The name under which fabric8 registers its {@code HttpLoggingInterceptor} when TRACE is on. */
    static final String HTTP_LOGGING = "HttpLogging";

    private KubernetesClients() {}

    /**
     * A client without fabric8's HTTP wire log, whatever the log level: at TRACE it would write every response body
     * (Secret values, before any redaction) and the bearer token to the log. Its watches read objects partly decoded
     * ({@link PartlyDecodedWatchEvents}).
     */
    public static KubernetesClient create(Config config) {
        return new KubernetesClientBuilder()
                .withConfig(config)
                .withKubernetesSerialization(PartlyDecodedWatchEvents.serialization())
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor(HTTP_LOGGING, null))
                .build();
    }
}
