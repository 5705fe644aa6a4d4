package io.kubeeventbridge.publish;

import java.util.Map;

/** What the checkpoint topic held when the bridge started: the last acknowledged state of each object. */
public interface Checkpoints {

    /**
     * The checkpoints of one resource type ({@code apps/v1/deployments}) by object key ({@code shop/web}); empty on
     * a first start, or when the checkpoints could not be read.
     */
    Map<String, Checkpoint> atStart(String resource);
}
