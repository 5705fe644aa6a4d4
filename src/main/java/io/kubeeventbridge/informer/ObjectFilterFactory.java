package io.kubeeventbridge.informer;

import io.kubeeventbridge.config.ResourceProperties;
import io.kubeeventbridge.event.ResourceType;

/** Creates the {@link ObjectFilter} of a configured entry once discovery has resolved its type. */
@FunctionalInterface
public interface ObjectFilterFactory {

    ObjectFilter filterFor(ResourceProperties entry, ResourceType type);
}
