package io.kubeeventbridge.event;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Kubernetes object read with its apiVersion, kind and metadata decoded, and every other member (spec, status,
 * data, ...) kept as the bytes {@link ObjectJson} writes for it once decoded, so that encoding the object copies them
 * instead of walking decoded maps. Read straight from a parser ({@link #read}), which costs less than decoding the
 * members into maps of maps, and leaves less garbage.
 *
 * <p>Otherwise a {@code GenericKubernetesResource} like any other: the members are decoded the first time anything
 * reads or changes them through {@link #getAdditionalProperties()} and its relatives (a payload policy that drops
 * paths or redacts values does), and from then on the object is fully decoded and encoded the usual way. They are
 * decoded from the kept bytes, so a number beyond a double's range, which no API server writes, comes back as the
 * string {@code "Infinity"} that encoding it as a double wrote.
 */
public final class PartlyDecodedResource extends GenericKubernetesResource {

    private static final ObjectReader DECODER = JsonMapper.shared().readerFor(GenericKubernetesResource.class);

    // Each member as ,"name":value one after the other; null once decoded.
    private byte[] encodedMembers;

    private PartlyDecodedResource() {}

    /**
     * Reads the object whose {@code START_OBJECT} the parser is at, up to its {@code END_OBJECT}.
     *
     * @param context the context fabric8's mapper decodes with: apiVersion, kind and metadata are decoded as it would
     *     decode them, and so are the values {@link ObjectJson} hands to databind
     */
    public static PartlyDecodedResource read(JsonParser parser, DeserializationContext context) {
        if (!parser.isExpectedStartObjectToken()) {
            throw MismatchedInputException.from(
                    parser, PartlyDecodedResource.class, "Expected an object, found " + parser.currentToken());
        }
        PartlyDecodedResource object = new PartlyDecodedResource();
        JsonBytes members = JsonBytes.ofThisThread();
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "apiVersion" -> object.setApiVersion(context.readValue(parser, String.class));
                case "kind" -> object.setKind(context.readValue(parser, String.class));
                case "metadata" -> object.setMetadata(context.readValue(parser, ObjectMeta.class));
                default -> ObjectJson.copyMember(members, name, parser, context);
            }
        }
        object.encodedMembers = members.toByteArray();
        return object;
    }

    /** The members other than apiVersion, kind and metadata as {@link ObjectJson} writes them; null once decoded. */
    synchronized byte[] encodedMembers() {
        return encodedMembers;
    }

    @Override
    public synchronized Map<String, Object> getAdditionalProperties() {
        decodeMembers();
        return super.getAdditionalProperties();
    }

    @Override
    public synchronized void setAdditionalProperties(Map<String, Object> additionalProperties) {
        encodedMembers = null;
        super.setAdditionalProperties(additionalProperties);
    }

    @Override
    public synchronized void setAdditionalProperty(String name, Object value) {
        decodeMembers();
        super.setAdditionalProperty(name, value);
    }

    private void decodeMembers() {
        byte[] members = encodedMembers;
        if (members == null) {
            return;
        }
        encodedMembers = null;
        if (members.length == 0) {
            return;
        }
        // Each member starts with its comma: the first one's opens the object instead.
        byte[] object = Arrays.copyOf(members, members.length + 1);
        object[0] = '{';
        object[members.length] = '}';
        DECODER.<GenericKubernetesResource>readValue(object)
                .getAdditionalProperties()
                .forEach(super::setAdditionalProperty);
    }
}
