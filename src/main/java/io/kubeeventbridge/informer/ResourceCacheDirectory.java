package io.kubeeventbridge.informer;

import java.util.List;
import java.util.Optional;

/** The read-only view of every watched resource's cache, for the query API. */
public interface ResourceCacheDirectory {

    /** The cache of the resource at {@code /apis/{group}/{version}/{plural}} (group empty for the core group). */
    Optional<ResourceCache> find(String group, String version, String plural);

    /** The cache of every watched resource, for discovery; resources not served yet are absent. */
    List<ResourceCache> all();
}
