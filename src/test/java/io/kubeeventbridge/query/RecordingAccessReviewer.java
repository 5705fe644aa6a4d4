package io.kubeeventbridge.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An API server's reviews, scripted: {@code alice-token} is alice's, and alice may get, list and watch pods in shop,
 * nothing else. Records every question, and can be taken down to test failing closed.
 */
final class RecordingAccessReviewer implements AccessReviewer {

    static final String ALICE_TOKEN = "alice-token";

    final AtomicInteger tokenReviews = new AtomicInteger();
    final List<ResourceAttributes> accessReviews = new CopyOnWriteArrayList<>();
    volatile boolean down;

    @Override
    public Optional<User> authenticate(String token) {
        failIfDown();
        tokenReviews.incrementAndGet();
        return ALICE_TOKEN.equals(token)
                ? Optional.of(new User("alice", "alice-uid", List.of("system:authenticated"), Map.of()))
                : Optional.empty();
    }

    @Override
    public boolean allowed(User user, ResourceAttributes attributes) {
        failIfDown();
        accessReviews.add(attributes);
        return user.name().equals("alice")
                && attributes.group().isEmpty()
                && attributes.resource().equals("pods")
                && attributes.namespace().equals("shop")
                && List.of("get", "list", "watch").contains(attributes.verb());
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
