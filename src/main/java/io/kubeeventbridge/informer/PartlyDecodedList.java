package io.kubeeventbridge.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.kubeeventbridge.event.PartlyDecodedResource;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A page of a list as a bridge informer reads it: each item a {@link PartlyDecodedResource}, its metadata decoded and
 * the rest kept as the compact JSON the cache and the event need. fabric8 decodes a list response into the list type
 * of the operation, so an informer's operation names this type ({@link ResourceInformer}) and fabric8's mapper reads
 * every page through {@link Reader}; requests, paging, errors and retries stay fabric8's.
 *
 * <p>A sync is mostly lists: decoding each item into maps of maps only to encode it again on the handler thread cost
 * more CPU than the bare informer spends in all, and the garbage of the maps more.
 */
@JsonDeserialize(using = PartlyDecodedList.Reader.class)
final class PartlyDecodedList extends GenericKubernetesResourceList {

    /** Reads a list response: apiVersion, kind, metadata and items; anything else is skipped. */
    static final class Reader extends ValueDeserializer<PartlyDecodedList> {

        @Override
        public PartlyDecodedList deserialize(JsonParser parser, DeserializationContext context) {
            PartlyDecodedList list = new PartlyDecodedList();
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "apiVersion" -> list.setApiVersion(context.readValue(parser, String.class));
                    case "kind" -> list.setKind(context.readValue(parser, String.class));
                    case "metadata" -> list.setMetadata(context.readValue(parser, ListMeta.class));
                    case "items" -> list.setItems(items(parser, context));
                    default -> parser.skipChildren();
                }
            }
            return list;
        }

        private static List<GenericKubernetesResource> items(JsonParser parser, DeserializationContext context) {
            List<GenericKubernetesResource> items = new ArrayList<>();
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return items;
            }
            if (!parser.isExpectedStartArrayToken()) {
                throw MismatchedInputException.from(
                        parser,
                        PartlyDecodedList.class,
                        "Expected items to be an array, found " + parser.currentToken());
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                items.add(PartlyDecodedResource.read(parser, context));
            }
            return items;
        }
    }
}
