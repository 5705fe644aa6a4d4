package io.kubeeventbridge.query;

import io.kubeeventbridge.config.BridgeProperties;
import io.kubeeventbridge.informer.FixedResourceCache;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The query API's list and watch paths alone, as the bridge serves them over real HTTP (Tomcat), over one cache of
 * pods, without authentication or informers: what watch tests and benchmarks drive with many clients.
 */
final class QueryApiServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private QueryApiServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Serves {@code pods} on a free port. */
    static QueryApiServer start(FixedResourceCache pods) {
        return new QueryApiServer(new SpringApplicationBuilder(Application.class)
                .initializers(
                        context -> context.getBeanFactory().registerSingleton("caches", FixedResourceCache.all(pods)))
                .run(
                        // Only the defaults the jar ships, as in the image.
                        "--spring.config.location=classpath:/",
                        "--server.port=0",
                        "--logging.level.root=warn",
                        // No informers here to be ready with.
                        "--management.endpoint.health.group.readiness.include=readinessState",
                        "--management.endpoint.health.group.liveness.include=livenessState",
                        "--bridge.resources[0].api-version=v1",
                        "--bridge.resources[0].resource=pods"));
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * The query API's controllers and security, the cache registered. Not a {@code @Configuration}: the integration
     * tests' application scans this package, and must not find it.
     */
    @EnableAutoConfiguration(excludeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
    @EnableConfigurationProperties(BridgeProperties.class)
    @Import({
        ObjectQueryController.class,
        StatusExceptionHandler.class,
        QueryConfiguration.class,
        QuerySecurityConfiguration.class,
        WatchConfiguration.class
    })
    static class Application {

        @Bean
        RecordingAccessReviewer accessReviewer() {
            return new RecordingAccessReviewer();
        }
    }
}
