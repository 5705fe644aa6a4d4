package io.kubeeventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The jar the image runs starts the bridge, not the local demo the build also knows about. */
class PackagedJarIT {

    @Test
    void packagedJarStartsTheBridgeApplication() throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jars = files.filter(file -> file.getFileName().toString().matches("kube-event-bridge-.*\\.jar"))
                    .toList();
        }
        assertThat(jars).hasSize(1);
        try (JarFile jar = new JarFile(jars.get(0).toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo(KubeEventBridgeApplication.class.getName());
            assertThat(jar.getEntry("BOOT-INF/classes/io/kubeeventbridge/local/LocalBridge.class"))
                    .isNull();
        }
    }
}
