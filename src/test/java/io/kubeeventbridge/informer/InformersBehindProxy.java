package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeeventbridge.kubernetes.KubernetesClients;
import io.kubeeventbridge.support.MockKubernetes;
import io.kubeeventbridge.support.TcpProxy;
import java.net.URI;

/**
 * Informers on the shared mock API server, reached through a proxy a test can cut: a gap in their watches, after
 * which they list again.
 */
final class InformersBehindProxy implements AutoCloseable {

    private final TcpProxy proxy = new TcpProxy(URI.create(MockKubernetes.url()).getPort());
    private final KubernetesClient client =
            KubernetesClients.create(new ConfigBuilder(MockKubernetes.client().getConfiguration())
                    .withMasterUrl("http://localhost:" + proxy.port())
                    .build());
    private final InformerFactory informers = TestCompression.informers(client);

    InformerFactory informers() {
        return informers;
    }

    /**
     * Cuts the informers off, makes {@code changes} directly on the API server, and lets the informers back in: the
     * watch under {@code watchPath} then finds its resourceVersion expired, so the informer lists again.
     */
    void gap(String watchPath, Runnable changes) {
        proxy.cut();
        changes.run();
        MockKubernetes.gates().expireNextWatch(watchPath);
        proxy.restore();
    }

    @Override
    public void close() {
        informers.close();
        client.close();
        proxy.close();
    }
}
