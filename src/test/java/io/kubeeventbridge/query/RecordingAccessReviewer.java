package io.kubeeventbridge.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An API server's reviews, scripted: {@code alice-token} is alice's, and alice may get, list and watch pods in shop,
 * nothing else; {@code bob-token} is bob's, and bob may get and list them, not watch them. Records every question, and can be taken down to test failing closed.
 */
final class RecordingAccessReviewer implements AccessReviewer {

    static final String ALICE_TOKEN = "alice-token";
    static final String BOB_TOKEN = "bob-token";

    final AtomicInteger tokenReviews = new AtomicInteger();
    final List<ResourceAttributes> accessReviews = new CopyOnWriteArrayList<>();
    volatile boolean down;

    @Override
    public Optional<User> authenticate(String token) {
        failIfDown();
        tokenReviews.incrementAndGet();
        return switch (token) {
            case ALICE_TOKEN -> Optional.of(new User("alice", "alice-uid", List.of("system:authenticated"), Map.of()));
            case BOB_TOKEN -> Optional.of(new User("bob", "bob-uid", List.of("system:authenticated"), Map.of()));
            default -> Optional.empty();
        };
    }

    @Override
    public boolean allowed(User user, ResourceAttributes attributes) {
        failIfDown();
        accessReviews.add(attributes);
        List<String> verbs = switch (user.name()) {
            case "alice" -> List.of("get", "list", "watch");
            case "bob" -> List.of("get", "list");
            default -> List.of();
        };
        return attributes.group().isEmpty()
                && attributes.resource().equals("pods")
                && attributes.namespace().equals("shop")
                && verbs.contains(attributes.verb());
    }

    void reset() {
        tokenReviews.set(0);
        accessReviews.clear();
        down = false;
    }

    private void failIfDown() {
        if (down) {
            throw new AccessReviewUnavailableException("the API server is down (scripted)", null);
        }
    }
}
