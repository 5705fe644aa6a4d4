package io.kubeeventbridge.kubernetes;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.model.jackson.Jackson2JdkTypesModule;
import io.kubeeventbridge.event.ObjectJson;
import io.kubeeventbridge.event.PartlyDecodedResource;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The serialization of the bridge's clients: fabric8's own, except that the object of a watch event is read as a
 * {@link PartlyDecodedResource}, as the items of a bridge informer's list pages are. A list's type is chosen per
 * operation; a watch reads every event as a {@link WatchEvent} with the client's mapper, so the choice is made here.
 * In a cluster's steady state nearly every object the bridge reads comes in a watch event, which fabric8 would decode
 * into a tree, then into its typed model (a Pod), then convert into the maps the handler walks to encode it again.
 *
 * <p>What else watches through a client still gets what it expects: a Status (the object of an ERROR event, such as
 * the 410 that makes an informer list again) is read as one, and a typed watch or informer (the CRD changes) receives
 * the object converted into its type by fabric8 ({@code AbstractWatchManager.eventReceived}) through its full JSON.
 */
final class PartlyDecodedWatchEvents {

    private PartlyDecodedWatchEvents() {}

    /** What {@code new KubernetesSerialization()} builds, with {@link WatchEventObject} mixed into its mapper. */
    static KubernetesSerialization serialization() {
        JsonMapper mapper = JsonMapper.builderWithJackson2Defaults()
                .addModule(new Jackson2JdkTypesModule())
                .addMixIn(WatchEvent.class, WatchEventObject.class)
                .build();
        return new KubernetesSerialization(mapper, true);
    }

    /** Names {@link WatchedObjectReader} for the object where the model names fabric8's: on field and setter. */
    private abstract static class WatchEventObject {

        @JsonDeserialize(using = WatchedObjectReader.class)
        private Object object;

        @JsonDeserialize(using = WatchedObjectReader.class)
        abstract void setObject(Object object);
    }

    /** Reads an object partly decoded, or a Status as a Status. */
    static final class WatchedObjectReader extends ValueDeserializer<Object> {

        private static final ObjectReader STATUS = JsonMapper.shared().readerFor(Status.class);

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            PartlyDecodedResource object = PartlyDecodedResource.read(parser, context);
            if ("Status".equals(object.getKind()) && "v1".equals(object.getApiVersion())) {
                // Rare, and small: read again from its JSON.
                return STATUS.readValue(ObjectJson.encode(object, "v1", "Status"));
            }
            return object;
        }
    }
}
