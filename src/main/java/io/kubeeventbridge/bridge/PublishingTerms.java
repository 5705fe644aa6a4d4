package io.kubeeventbridge.bridge;

import io.kubeeventbridge.event.ResourceType;
import io.kubeeventbridge.leadership.LeadershipListener;
import io.kubeeventbridge.leadership.LeadershipStatus;
import io.kubeeventbridge.leadership.LeadershipStatus.Role;
import io.kubeeventbridge.publish.Checkpoints;
import io.kubeeventbridge.publish.Publishing;
import io.kubeeventbridge.publish.PublishingUnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Begins and ends publishing terms with leadership, as one unit: the publisher (which fences the previous leader and
 * reads the checkpoints as committed), then every change handler (which reconciles its cache with them). Handlers of
 * resources that appear during a term join it at once.
 */
final class PublishingTerms implements LeadershipListener {

    private static final Logger log = LoggerFactory.getLogger(PublishingTerms.class);

    private final Publishing publishing;
    private final LeadershipStatus leadership;
    private final Duration retry;
    // One per resource type: the handler of a type's informers started again (a restarted lifecycle) replaces the
    // one before, whose first lists say nothing of the new informers' caches.
    private final Map<ResourceType, ChangeHandler> handlers = new ConcurrentHashMap<>();
    private Checkpoints term;

    /** @param retry how long to wait before trying again to begin a term Kafka could not begin */
    PublishingTerms(Publishing publishing, LeadershipStatus leadership, Duration retry) {
        this.publishing = publishing;
        this.leadership = leadership;
        this.retry = retry;
    }

    synchronized ChangeHandler register(ChangeHandler handler) {
        ChangeHandler replaced = handlers.put(handler.type(), handler);
        if (replaced != null) {
            replaced.endTerm();
        }
        if (term != null) {
            handler.startTerm(term.atStart(handler.topic(), handler.type()));
        }
        return handler;
    }

    @Override
    public void startLeading() {
        Checkpoints checkpoints = beginWhileLeading();
        if (checkpoints == null) {
            return;
        }
        synchronized (this) {
            term = checkpoints;
            handlers.values()
                    .forEach(handler -> handler.startTerm(checkpoints.atStart(handler.topic(), handler.type())));
        }
    }

    /** Kafka unreachable as a term begins is an outage like any other: the caches keep every change meanwhile. */
    private Checkpoints beginWhileLeading() {
        while (leadership.view().role() == Role.LEADER) {
            try {
                return publishing.begin(this::stopLeading);
            } catch (PublishingUnavailableException e) {
                log.warn("Cannot begin publishing yet, trying again in {}: {}", retry, e.getMessage());
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return null;
    }

    @Override
    public synchronized void stopLeading() {
        endHandlerTerms();
        publishing.end();
    }

    @Override
    public synchronized void finishLeading() {
        endHandlerTerms();
        publishing.finish();
    }

    private void endHandlerTerms() {
        term = null;
        handlers.values().forEach(ChangeHandler::endTerm);
    }
}
