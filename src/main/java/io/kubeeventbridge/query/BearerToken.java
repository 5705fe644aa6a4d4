package io.kubeeventbridge.query;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A bearer token as a client presented it, not yet reviewed; {@code client} is where the request came from. */
final class BearerToken extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final String token;
    private final String client;

    BearerToken(String token, String client) {
        super(List.of());
        this.token = token;
        this.client = client;
    }

    String token() {
        return token;
    }

    String client() {
        return client;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return client;
    }
}
