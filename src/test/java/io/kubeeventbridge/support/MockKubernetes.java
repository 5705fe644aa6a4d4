package io.kubeeventbridge.support;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.kubeeventbridge.kubernetes.KubernetesClients;
import java.util.HashMap;
import java.util.Locale;

/**
 * One mock API server in CRUD mode for the whole test JVM (and the local run), so that every test shares one
 * Spring context. Tests keep out of each other's way by using their own namespaces and names.
 */
public final class MockKubernetes {

    private static final GatedCrudDispatcher DISPATCHER = new GatedCrudDispatcher();
    private static final KubernetesMockServer SERVER = start();
    private static final KubernetesClient CLIENT = quickToRetry(SERVER.createClient());

    private MockKubernetes() {}

    public static KubernetesClient client() {
        return CLIENT;
    }

    public static GatedCrudDispatcher gates() {
        return DISPATCHER;
    }

    public static String url() {
        return CLIENT.getConfiguration().getMasterUrl();
    }

    /** Installs a namespaced CRD with one served version, as {@code kubectl apply} of its definition would. */
    public static void installCrd(String group, String version, String kind) {
        String plural = plural(kind);
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(plural + "." + group)
                .endMetadata()
                .withNewSpec()
                .withGroup(group)
                .withScope("Namespaced")
                .withNewNames()
                .withKind(kind)
                .withPlural(plural)
                .withSingular(kind.toLowerCase(Locale.ROOT))
                .endNames()
                .addNewVersion()
                .withName(version)
                .withServed(true)
                .withStorage(true)
                .endVersion()
                .endSpec()
                .build();
        CLIENT.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }

    /** Deletes a CRD installed by {@link #installCrd}; the mock, unlike an API server, keeps its objects. */
    public static void removeCrd(String group, String kind) {
        CLIENT.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName(plural(kind) + "." + group)
                .delete();
    }

    /** The objects of a CRD installed by {@link #installCrd}, to create, change and delete. */
    public static MixedOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            customObjects(String group, String version, String kind) {
        return CLIENT.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(kind)
                .withPlural(plural(kind))
                .withNamespaced(true)
                .build());
    }

    /** A namespaced object of {@code kind}, ready to create with {@link #customObjects}. */
    public static GenericKubernetesResource customObject(String group, String version, String kind, String name) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(group + "/" + version)
                .withKind(kind)
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .build();
    }

    private static String plural(String kind) {
        return kind.toLowerCase(Locale.ROOT) + "s";
    }

    // Informers back off exponentially up to 32 times this interval after a failure; keep that short in tests. Built
    // as the bridge builds its client, so that the tests' informers read watch events as the bridge's do.
    private static KubernetesClient quickToRetry(KubernetesClient client) {
        Config config = new ConfigBuilder(client.getConfiguration())
                .withWatchReconnectInterval(200)
                .build();
        return KubernetesClients.create(config);
    }

    private static KubernetesMockServer start() {
        KubernetesMockServer server =
                new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), DISPATCHER, false);
        server.init();
        return server;
    }
}
