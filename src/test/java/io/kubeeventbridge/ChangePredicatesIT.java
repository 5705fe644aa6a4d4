package io.kubeeventbridge;

import static io.kubeeventbridge.support.KafkaEvents.operations;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.kubeeventbridge.support.KafkaEvents;
import io.kubeeventbridge.support.KafkaEvents.Received;
import io.kubeeventbridge.support.SharedKafkaBroker;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The entries of application-it.yaml with change predicates, through the real informer: services ignore their status
 * and a heartbeat annotation, service accounts publish only their creation and deletion. Updates say what changed.
 * Events of one object arrive in order, so a change that counts, made last, shows that none before it was published.
 */
@SharedKafkaBroker
class ChangePredicatesIT extends BridgeTestBase {

    private static final String NAMESPACE = "predicates";
    private static final String HEARTBEAT = "example.com/heartbeat";

    private final String name = "svc-" + UUID.randomUUID().toString().substring(0, 6);
    private KafkaEvents events;

    @BeforeEach
    void subscribe() {
        events = new KafkaEvents(bootstrapServers, List.of("k8s.core.service", "k8s.core.serviceaccount"));
    }

    @AfterEach
    void unsubscribe() {
        events.close();
    }

    @Test
    void statusOnlyAndHeartbeatOnlyUpdatesPublishNothing() {
        client.services().inNamespace(NAMESPACE).resource(service()).create();
        events.awaitRecords(key(), 1);

        client.services()
                .inNamespace(NAMESPACE)
                .withName(name)
                .editStatus(service -> new ServiceBuilder(service)
                        .editOrNewStatus()
                        .withNewLoadBalancer()
                        .addNewIngress()
                        .withIp("10.0.0.7")
                        .endIngress()
                        .endLoadBalancer()
                        .endStatus()
                        .build());
        for (String beat : List.of("1", "2")) {
            client.services()
                    .inNamespace(NAMESPACE)
                    .withName(name)
                    .edit(service -> new ServiceBuilder(service)
                            .editMetadata()
                            .addToAnnotations(HEARTBEAT, beat)
                            .endMetadata()
                            .build());
        }
        Service labelled = relabel();

        List<Received> records = events.awaitRecords(key(), 2);
        assertThat(operations(records)).containsExactly("created", "updated");
        assertThat(records.get(1).event().getId()).isEqualTo(id(labelled));
        // The cache still holds every newest state: only publishing ignores them.
        assertThat(mvc.get().uri("/k8s/api/v1/namespaces/{namespace}/services/{name}", NAMESPACE, name))
                .bodyJson()
                .extractingPath("$.status.loadBalancer.ingress[0].ip")
                .isEqualTo("10.0.0.7");
    }

    @Test
    void aLabelChangePublishesOneUpdatedThatSaysWhatChanged() {
        client.services().inNamespace(NAMESPACE).resource(service()).create();
        events.awaitRecords(key(), 1);

        Service labelled = relabel();

        Received updated = events.awaitRecords(key(), 2).get(1);
        assertThat(updated.event().getType()).isEqualTo("io.k8s.core.service.updated");
        assertThat(updated.event().getId()).isEqualTo(id(labelled));
        assertThat(updated.event().getExtension("changedpaths")).isEqualTo("/metadata/labels/tier");
    }

    @Test
    void anEntryPublishingCreationsAndDeletionsPublishesNoUpdatesButDeletesWithTombstones() {
        client.serviceAccounts()
                .inNamespace(NAMESPACE)
                .resource(new ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .create();
        events.awaitRecords(key(), 1);

        client.serviceAccounts()
                .inNamespace(NAMESPACE)
                .withName(name)
                .edit(account -> new ServiceAccountBuilder(account)
                        .editMetadata()
                        .addToLabels("tier", "web")
                        .endMetadata()
                        .build());
        client.serviceAccounts().inNamespace(NAMESPACE).withName(name).delete();

        List<Received> records = events.awaitRecords(key(), 3);
        assertThat(operations(records)).containsExactly("created", "deleted", "tombstone");
    }

    private Service relabel() {
        return client.services()
                .inNamespace(NAMESPACE)
                .withName(name)
                .edit(service -> new ServiceBuilder(service)
                        .editMetadata()
                        .addToLabels("tier", "web")
                        .endMetadata()
                        .build());
    }

    private Service service() {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("app", "demo")
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", "demo")
                .addNewPort()
                .withPort(80)
                .endPort()
                .endSpec()
                .build();
    }

    private String key() {
        return NAMESPACE + "/" + name;
    }

    private static String id(Service service) {
        return service.getMetadata().getUid() + "/" + service.getMetadata().getResourceVersion();
    }
}
