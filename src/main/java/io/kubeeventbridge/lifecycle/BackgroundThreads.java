package io.kubeeventbridge.lifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** Threads for the periodic work of lifecycle beans, which shut them down when they stop. */
public final class BackgroundThreads {

    private BackgroundThreads() {}

    /**
     * One daemon thread named {@code name-1}: a daemon, so that a bean left unstopped (a failed startup) never keeps
     * the JVM alive.
     */
    public static ScheduledExecutorService scheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(daemons(name));
    }

    /** Daemon threads named {@code name-1}, {@code name-2}, ..., for the same reason. */
    public static ThreadFactory daemons(String name) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(name + "-");
        threads.setDaemon(true);
        return threads;
    }
}
