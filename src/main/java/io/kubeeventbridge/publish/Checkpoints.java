package io.kubeeventbridge.publish;

import io.kubeeventbridge.event.ResourceType;
import java.util.Map;

/** What the checkpoint topic held when the bridge started: what was last published for each object, per topic. */
public interface Checkpoints {

    /**
     * The checkpoints of the objects of {@code type} published to {@code topic}, by object key ({@code shop/web});
     * empty on a first start, for a topic the bridge has never written, or when the checkpoints could not be read.
     */
    Map<String, Checkpoint> atStart(String topic, ResourceType type);
}
