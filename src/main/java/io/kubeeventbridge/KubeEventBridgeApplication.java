package io.kubeeventbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KubeEventBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(KubeEventBridgeApplication.class, args);
    }
}
