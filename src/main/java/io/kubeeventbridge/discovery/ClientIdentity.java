package io.kubeeventbridge.discovery;

import io.fabric8.kubernetes.client.Config;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who the bridge is to the API server, for messages about refused requests: in a pod, the service account its token
 * names; elsewhere, the kubeconfig user. Read from the client's configuration, never by asking the API server (which
 * is what just refused). The token itself is never written anywhere.
 */
final class ClientIdentity {

    private static final String SERVICE_ACCOUNT = "system:serviceaccount:";

    private ClientIdentity() {}

    static String describe(Config config) {
        String token = config.getOauthToken() != null ? config.getOauthToken() : config.getAutoOAuthToken();
        String subject = token == null ? null : subject(token);
        if (subject != null && subject.startsWith(SERVICE_ACCOUNT)) {
            // system:serviceaccount:{namespace}:{name}
            return "service account "
                    + subject.substring(SERVICE_ACCOUNT.length()).replace(':', '/');
        }
        if (subject != null) {
            return "user \"" + subject + "\"";
        }
        if (config.getUsername() != null) {
            return "user \"" + config.getUsername() + "\"";
        }
        if (config.getCurrentContext() != null && config.getCurrentContext().getContext() != null) {
            return "kubeconfig user \""
                    + config.getCurrentContext().getContext().getUser() + "\"";
        }
        return token != null ? "the configured bearer token" : "anonymous (no credentials configured)";
    }

    /** The {@code sub} claim of a JWT (service account tokens are), or {@code null}; the signature is not checked. */
    private static String subject(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode sub = JsonMapper.shared()
                    .readTree(new String(payload, StandardCharsets.UTF_8))
                    .get("sub");
            return sub != null && sub.isString() ? sub.asString() : null;
        } catch (IllegalArgumentException | JacksonException e) {
            return null;
        }
    }
}
