package io.kubeeventbridge.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeeventbridge.publish.PublishThroughput;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The end-to-end baseline: a bare fabric8 informer over the pods of all namespaces whose add handler serialises
 * each pod (as the bridge serialises an event's data) and sends it, keyed {@code namespace/name}, with a plain
 * {@link KafkaProducer} under the service's producer settings.
 */
final class RawForwarder implements AutoCloseable {

    private final KubernetesClient client;
    private final KafkaProducer<byte[], byte[]> producer;
    private final SharedIndexInformer<GenericKubernetesResource> informer;

    /** Returns once the informer has listed the pods and watches them. */
    RawForwarder(String bootstrapServers, String topic) {
        // Configured the standard fabric8 way, like the bridge's own client.
        this(new KubernetesClientBuilder().build(), bootstrapServers, topic, () -> {});
    }

    /**
     * Over {@code client}, which it closes when closed; {@code acknowledged} runs as Kafka acknowledges each pod.
     * Returns once the informer has listed the pods and watches them.
     */
    RawForwarder(KubernetesClient client, String bootstrapServers, String topic, Runnable acknowledged) {
        this.client = client;
        producer = new KafkaProducer<>(PublishThroughput.producerSettings(bootstrapServers));
        informer = client.genericKubernetesResources("v1", "Pod")
                .inAnyNamespace()
                .inform(
                        new ResourceEventHandler<>() {
                            @Override
                            public void onAdd(GenericKubernetesResource pod) {
                                NaiveForwarder.send(producer, topic, pod, (metadata, error) -> {
                                    if (error == null) {
                                        acknowledged.run();
                                    }
                                });
                            }

                            // The benchmark only creates pods.
                            @Override
                            public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {}

                            @Override
                            public void onDelete(GenericKubernetesResource pod, boolean finalStateUnknown) {}
                        },
                        0);
    }

    @Override
    public void close() {
        informer.stop();
        producer.close();
        client.close();
    }
}
