package io.kubeeventbridge.informer;

import java.util.List;

/** The state of every informer the bridge runs, for health. */
@FunctionalInterface
public interface InformerStatusSource {

    /** One status per informer, in no particular order; empty before the informers start. */
    List<InformerStatus> statuses();
}
