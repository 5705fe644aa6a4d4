package io.kubeeventbridge.query;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ErrorResponseConfiguration {

    @Bean
    JsonErrorReportValveCustomizer jsonErrorReportValveCustomizer() {
        return new JsonErrorReportValveCustomizer();
    }

    @Bean
    UndecodableUriFilter undecodableUriFilter() {
        return new UndecodableUriFilter();
    }
}
