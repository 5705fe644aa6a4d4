package io.kubeeventbridge.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code continue} token of a paged list: opaque to clients, it holds the key of the last object returned, and
 * the next page starts right after that key in the current cache. So objects present throughout the paging are
 * neither repeated nor skipped, whatever changes in between; objects added or deleted meanwhile appear or not
 * depending on where they sort. A token never expires: unlike the API server, the bridge does not answer
 * {@code 410 Gone} for an old token, it resumes from the cache as it is now.
 */
final class ContinueToken {

    private static final String VERSION = "k1";

    private ContinueToken() {}

    static String after(ObjectKey last) {
        String plain = VERSION + "\n" + last.namespace() + "\n" + last.name();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws StatusException 400 BadRequest when the token was not issued by the bridge */
    static ObjectKey parse(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split("\n", -1);
            if (parts.length == 3 && parts[0].equals(VERSION) && !parts[2].isEmpty()) {
                return new ObjectKey(parts[1], parts[2]);
            }
        } catch (IllegalArgumentException notBase64) {
            // answered below
        }
        throw new StatusException(StatusResponses.badRequest(
                "continue token \"" + token + "\" is malformed: pass back the metadata.continue of a previous list"));
    }
}
