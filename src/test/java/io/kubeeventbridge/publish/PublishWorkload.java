package io.kubeeventbridge.publish;

import io.cloudevents.CloudEvent;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.kubeeventbridge.bench.Workload;
import io.kubeeventbridge.event.EventExtensions;
import io.kubeeventbridge.event.EventNormaliser;
import io.kubeeventbridge.event.Operation;
import io.kubeeventbridge.event.ResourceType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What the publish benchmarks send: deterministic pods and deployments, decoded as an informer holds them, each
 * normalised into a CloudEvent as the change handler does.
 */
final class PublishWorkload {

    private static final ResourceType PODS = new ResourceType("", "v1", "pods", "Pod", true);
    private static final ResourceType DEPLOYMENTS = new ResourceType("apps", "v1", "deployments", "Deployment", true);
    private static final int PARTITIONS = 4;

    /**
     * One object as an informer hands it over.
     *
     * @param topic the topic of its type: one string per type, as a change handler holds it, not one per event
     */
    record Change(ResourceType type, String topic, GenericKubernetesResource object) {}

    private final EventNormaliser normaliser = new EventNormaliser("bench");
    private final List<Change> changes;
    private final double meanBytes;

    PublishWorkload(int events) {
        changes = new ArrayList<>(events);
        Workload workload = new Workload(42);
        String podTopic = topic(PODS);
        String deploymentTopic = topic(DEPLOYMENTS);
        long bytes = 0;
        for (int i = 0; i < events; i++) {
            byte[] json = workload.nextJson(i, 100, true);
            bytes += json.length;
            GenericKubernetesResource object = Workload.decode(json);
            changes.add(
                    "Pod".equals(object.getKind())
                            ? new Change(PODS, podTopic, object)
                            : new Change(DEPLOYMENTS, deploymentTopic, object));
        }
        meanBytes = (double) bytes / events;
    }

    List<Change> changes() {
        return changes;
    }

    int events() {
        return changes.size();
    }

    /** Mean size of the objects' compact JSON. */
    double meanBytes() {
        return meanBytes;
    }

    /** Normalises {@code change}, as the change handler does, into the event for its topic. */
    OutgoingEvent outgoing(Change change) {
        CloudEvent event =
                normaliser.normalise(change.type(), Operation.CREATED, change.object(), OffsetDateTime.now());
        return new OutgoingEvent(
                change.topic(),
                (String) event.getExtension(EventExtensions.PARTITION_KEY),
                event,
                change.type(),
                Operation.CREATED,
                null);
    }

    /** The topic of the events of {@code type}, as the default topic template names it. */
    private static String topic(ResourceType type) {
        return "k8s." + type.groupName() + "." + type.lowerCaseKind();
    }

    /** Creates the topics of the events, their names preceded by {@code prefix}. */
    static void createTopics(String bootstrapServers, String prefix) {
        new KafkaAdmin(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))
                .createOrModifyTopics(
                        TopicBuilder.name(prefix + "k8s.core.pod")
                                .partitions(PARTITIONS)
                                .build(),
                        TopicBuilder.name(prefix + "k8s.apps.deployment")
                                .partitions(PARTITIONS)
                                .build());
    }
}
