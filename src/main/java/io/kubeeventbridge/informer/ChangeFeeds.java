package io.kubeeventbridge.informer;

import io.kubeeventbridge.config.WatchWindow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Creates the {@link ChangeFeed} of each watched resource, with the configured window, on one fan-out pool: a few
 * threads serve every feed (one task per feed at a time), and end when idle, so an unwatched bridge runs none.
 */
final class ChangeFeeds {

    private final WatchWindow window;
    private final ThreadPoolExecutor fanout;

    ChangeFeeds(WatchWindow window) {
        this.window = window;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("watch-fanout-");
        threads.setDaemon(true);
        int size = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.fanout = new ThreadPoolExecutor(size, size, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
        fanout.allowCoreThreadTimeOut(true);
    }

    ResourceChangeFeed create() {
        return new ResourceChangeFeed(window, fanout, System::nanoTime);
    }
}
