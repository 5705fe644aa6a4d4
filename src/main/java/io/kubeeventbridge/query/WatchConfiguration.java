package io.kubeeventbridge.query;

import io.kubeeventbridge.config.BridgeProperties;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class WatchConfiguration {

    /**
     * A thread per watch, which may block writing to its client, bounded by {@code bridge.query.max-watches}: virtual
     * threads where the JVM has them (Java 21 and later), platform threads otherwise.
     */
    @Bean
    WatchStreams watchStreams(BridgeProperties properties, JsonMapper json, TableRenderer tables) {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("watch-");
        threads.setDaemon(true);
        threads.setVirtualThreads(Runtime.version().feature() >= 21);
        return new WatchStreams(
                properties.query(),
                json,
                tables,
                threads,
                () -> ThreadLocalRandom.current().nextDouble());
    }
}
