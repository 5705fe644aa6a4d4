package io.kubeeventbridge.query;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

    @Bean
    TableRenderer tableRenderer() {
        return new TableRenderer(Clock.systemUTC());
    }
}
