package io.kubeeventbridge.event;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.BytesCloudEventData;
import java.util.Collection;

/**
 * The variants of an event of the contract in DESIGN.md, besides an observed change ({@link EventNormaliser#normalise}),
 * which carries the object's state as data:
 *
 * <ul>
 *   <li>an observed update that says what changed ({@link EventNormaliser#normaliseUpdate}): the same, with the
 *       extension {@code changedpaths} ({@link ChangedPaths});
 *   <li>a reconciled delete ({@link EventNormaliser#reconciledDelete}): an object deleted while the bridge was down,
 *       known only by its checkpoint, with reference data (see below) and the extension {@code reconciled=true};
 *   <li>a coalesced event ({@link #coalesced}): a newer state that replaced an unsent older one keeps the older
 *       event's type, so a creation followed by updates is still a creation, with the newest state;
 *   <li>a truncated reference ({@link #truncated}): an event too large for the broker, with its data reduced to a
 *       reference and the extension {@code truncated=true}.
 * </ul>
 *
 * <p>Reference data is apiVersion, kind and metadata with name, namespace, uid and resourceVersion, nothing else.
 * The normaliser makes the variants of a change it observes; the publisher asks for the others, and never shapes an
 * event itself.
 */
public final class EventVariants {

    private EventVariants() {}

    /**
     * The event standing for an unsent event followed by a newer state of the same object: see the class comment. Two
     * updates that both say what changed say what changed in either; when one does not know, neither does the result,
     * and a creation says nothing of changes.
     */
    public static CloudEvent coalesced(CloudEvent newerState, CloudEvent olderOperation) {
        CloudEventBuilder coalesced = CloudEventBuilder.v1(newerState).withType(olderOperation.getType());
        String newer = extension(newerState, EventExtensions.CHANGED_PATHS);
        String older = extension(olderOperation, EventExtensions.CHANGED_PATHS);
        if (newer != null && older != null) {
            coalesced.withExtension(EventExtensions.CHANGED_PATHS, ChangedPaths.union(older, newer));
        } else {
            coalesced.withoutExtension(EventExtensions.CHANGED_PATHS);
        }
        return coalesced.build();
    }

    /** {@code event} with its data reduced to a reference, for an object too large for the broker. */
    public static CloudEvent truncated(CloudEvent event) {
        byte[] reference = ObjectReference.json(
                extension(event, EventExtensions.API_VERSION),
                extension(event, EventExtensions.KIND),
                extension(event, EventExtensions.NAMESPACE),
                extension(event, EventExtensions.NAME),
                extension(event, EventExtensions.UID),
                extension(event, EventExtensions.RESOURCE_VERSION));
        return CloudEventBuilder.v1(event)
                .withData(EventNormaliser.APPLICATION_JSON, BytesCloudEventData.wrap(reference))
                .withExtension(EventExtensions.TRUNCATED, true)
                .build();
    }

    public static boolean isTruncated(CloudEvent event) {
        return event.getExtension(EventExtensions.TRUNCATED) != null;
    }

    /** @param update an observed update, every attribute set */
    static CloudEvent withChangedPaths(CloudEventBuilder update, Collection<String> changedPaths) {
        return update.withExtension(EventExtensions.CHANGED_PATHS, ChangedPaths.of(changedPaths))
                .build();
    }

    /** @param delete the delete of an object known only by its checkpoint, every attribute set, {@link #reference} data */
    static CloudEvent reconciled(CloudEventBuilder delete) {
        return delete.withExtension(EventExtensions.RECONCILED, true).build();
    }

    /** The reference data of an object of {@code apiVersion} and {@code kind}. */
    static byte[] reference(String apiVersion, String kind, ObjectIdentity identity) {
        return ObjectReference.json(
                apiVersion, kind, identity.namespace(), identity.name(), identity.uid(), identity.resourceVersion());
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
