package io.kubeeventbridge.discovery;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Reads the API server's discovery documents, each request answered within the time the caller gives, and never
 * retried by fabric8: fabric8 retries an unreachable or failing API server with a backoff that can last minutes and
 * hides every error but the last. The caller decides instead: retry until its own deadline, or report the failure.
 */
public final class DiscoveryRequests implements AutoCloseable {

    private final KubernetesClient client;
    private final String server;
    private final String credentials;
    // fabric8's own request timeout cannot be shortened per request: the wait is bounded here, on a thread of ours.
    private final ExecutorService requests;

    public DiscoveryRequests(KubernetesClient client) {
        // A view of the same client (connections, credentials) whose requests fabric8 does not retry.
        this.client = client.newClient(
                        new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
                                .withRequestRetryBackoffLimit(0)
                                .build())
                .adapt(KubernetesClient.class);
        // fabric8 ends the address with a slash; the paths requested start with one.
        this.server = client.getConfiguration().getMasterUrl().replaceFirst("/$", "");
        this.credentials = ClientIdentity.describe(client.getConfiguration());
        CustomizableThreadFactory threads = new CustomizableThreadFactory("discovery-");
        threads.setDaemon(true);
        this.requests = Executors.newCachedThreadPool(threads);
    }

    /** The API server's address, as the client was configured with it. */
    public String server() {
        return server;
    }

    /** The group's discovery document ({@code /apis/{group}}), or {@code null} when the group is not served. */
    APIGroup group(String group, Duration timeout) {
        return request("/apis/" + group, timeout, () -> client.getApiGroup(group));
    }

    /** The resources of a group version, or {@code null} when it is not served. */
    APIResourceList resources(String apiVersion, Duration timeout) {
        String path = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        return request(path, timeout, () -> client.getApiResources(apiVersion));
    }

    private <T> T request(String path, Duration timeout, Supplier<T> call) {
        Future<T> answer = requests.submit(call::get);
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new DiscoveryUnavailableException(
                    "GET " + server + path + ": no answer within " + Timeouts.describe(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscoveryUnavailableException("GET " + server + path + ": interrupted");
        } catch (ExecutionException e) {
            throw failure(path, e.getCause());
        } finally {
            answer.cancel(true);
        }
    }

    private RuntimeException failure(String path, Throwable error) {
        if (error instanceof KubernetesClientException refused
                && (refused.getCode() == 401 || refused.getCode() == 403)) {
            return new DiscoveryAccessException(server, path, refused.getCode(), answer(refused), credentials);
        }
        return new DiscoveryUnavailableException("GET " + server + path + ": " + answer(error));
    }

    /** What the API server said (its Status), or what kept it from answering; fabric8's own wording is verbose. */
    private static String answer(Throwable error) {
        if (error instanceof KubernetesClientException failed) {
            Status status = failed.getStatus();
            if (status != null && status.getCode() != null && status.getCode() > 0) {
                return status.getCode() + " " + status.getReason() + ": " + status.getMessage();
            }
            if (failed.getCause() != null) {
                return String.valueOf(failed.getCause().getMessage());
            }
        }
        return String.valueOf(error.getMessage());
    }

    @Override
    public void close() {
        requests.shutdownNow();
    }
}
