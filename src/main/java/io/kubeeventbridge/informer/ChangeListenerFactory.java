package io.kubeeventbridge.informer;

import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.event.ResourceType;

/** Creates the listener of a configured entry once discovery has resolved its type. */
@FunctionalInterface
public interface ChangeListenerFactory {

    ChangeListener listenerFor(ResourceProperties entry, ResourceType type);
}
