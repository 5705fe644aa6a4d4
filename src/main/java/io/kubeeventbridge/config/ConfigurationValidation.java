package io.kubeeventbridge.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Validator;

@Configuration(proxyBeanMethods = false)
class ConfigurationValidation {

    /**
     * Spring Boot applies the bean of this name to every {@code @Validated} configuration properties class, in
     * addition to the jakarta constraints, and reports its errors with the offending property's name.
     */
    @Bean
    static Validator configurationPropertiesValidator() {
        return new BridgePropertiesValidator();
    }
}
