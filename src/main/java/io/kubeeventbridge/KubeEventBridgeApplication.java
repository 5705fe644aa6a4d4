package io.kubeeventbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

// The bridge has no users of its own: the query API authenticates with the cluster's tokens, or not at all.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class KubeEventBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(KubeEventBridgeApplication.class, args);
    }
}
