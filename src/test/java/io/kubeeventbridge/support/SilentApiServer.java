package io.kubeeventbridge.support;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An API server that accepts every connection and never answers, as one behind a black-holing network or hung: the
 * worst case for any wait that is not bounded.
 */
public final class SilentApiServer implements AutoCloseable {

    private final ServerSocket listener;
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();

    public SilentApiServer() {
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "silent-api-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "http://localhost:" + listener.getLocalPort();
    }

    /** A client of this server, configured from nothing but its address. */
    public KubernetesClient client() {
        return new KubernetesClientBuilder()
                .withConfig(
                        new ConfigBuilder(Config.empty()).withMasterUrl(url()).build())
                .build();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                held.add(listener.accept());
            } catch (IOException e) {
                // Closed.
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
