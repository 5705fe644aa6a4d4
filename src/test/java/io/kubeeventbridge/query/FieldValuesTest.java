package io.kubeeventbridge.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeeventbridge.informer.CachedObject;
import io.kubeeventbridge.informer.FixedResourceCache;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldValuesTest {

    private final CachedObject pod = new FixedResourceCache(QueryApiFixture.PODS)
            .put(QueryApiFixture.pod("shop", "web-1", Map.of("app", "web"), "Running", "node-1"))
            .get("shop", "web-1")
            .orElseThrow();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "null",
            value = {
                "metadata.name,          web-1",
                "metadata.namespace,     shop",
                "metadata.uid,           web-1-uid",
                "metadata.labels.app,    web",
                "status.phase,           Running",
                "spec.priority,          7",
                "kind,                   Pod",
                "apiVersion,             v1",
                "metadata,               null",
                "spec,                   null",
                "status.phase.more,      null",
                "missing,                null",
            })
    void scalarFieldsHaveTheirValueAndEverythingElseNone(String path, String value) {
        assertThat(new FieldValues(pod).apply(path)).isEqualTo(value);
    }

    /** The parser rejects such paths; the lookup itself must still answer rather than fail. */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(value = {"'.'", "'...'", "'.status'", "'status.'", "'status..phase'", "'metadata.'", "''"})
    void pathsWithEmptySegmentsNameNoField(String path) {
        assertThat(new FieldValues(pod).apply(path)).isNull();
    }
}
