package io.kubeeventbridge.query;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.lifecycle.BackgroundThreads;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class WatchConfiguration {

    /**
     * Every watch is written with non-blocking I/O by one writer thread per core, which never wait for a client (and
     * end when idle, so a bridge nobody watches runs none); one timer thread ends watches and makes their bookmarks
     * due. Both stop with the application.
     */
    @Bean
    WatchStreams watchStreams(
            BridgeProperties properties, JsonMapper json, TableRenderer tables, ObjectProvider<MeterRegistry> meters) {
        int cores = Runtime.getRuntime().availableProcessors();
        ThreadPoolExecutor writers = new ThreadPoolExecutor(
                cores,
                cores,
                1,
                TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(),
                BackgroundThreads.daemons("watch-writer"));
        writers.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor timer =
                new ScheduledThreadPoolExecutor(1, BackgroundThreads.daemons("watch-timer"));
        // A watch's deadline is cancelled when it ends earlier, often long before: its task, which holds the watcher,
        // leaves the queue at once rather than at the deadline.
        timer.setRemoveOnCancelPolicy(true);
        return new WatchStreams(
                properties.query(),
                json,
                tables,
                writers,
                timer,
                () -> ThreadLocalRandom.current().nextDouble(),
                meters.getObject());
    }
}
