package io.kubeeventbridge.lifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** Threads for the periodic work of lifecycle beans, which shut them down when they stop. */
public final class BackgroundThreads {

    private BackgroundThreads() {}

    /**
     * One daemon thread named {@code name-1}: a daemon, so that a bean left unstopped (a failed startup) never keeps
     * the JVM alive.
     */
    public static ScheduledExecutorService scheduler(String name) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(name + "-");
        threads.setDaemon(true);
        return Executors.newSingleThreadScheduledExecutor(threads);
    }
}
