package io.kubeeventbridge.predicate;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jpountz.xxhash.StreamingXXHash64;
import net.jpountz.xxhash.XXHashFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ContentFingerprint} as first written, on a decoded tree through a Jackson generator: the reference that the
 * fingerprint of a text must equal, since checkpoints written by that version hold its values.
 */
final class TreeFingerprint {

    // The pure-Java implementation: no native library to extract on a read-only root filesystem.
    private static final XXHashFactory XXHASH = XXHashFactory.fastestJavaInstance();
    private static final JsonMapper JSON = JsonMapper.shared();

    private final IgnoredPaths ignored;

    TreeFingerprint(IgnoredPaths ignored) {
        this.ignored = ignored;
    }

    long of(JsonNode state) {
        try (StreamingXXHash64 hash = XXHASH.newStreamingHash64(0);
                JsonGenerator canonical = JSON.createGenerator(new Hashing(hash))) {
            write(state, new ArrayList<>(), canonical);
            canonical.flush();
            return hash.getValue();
        }
    }

    /**
     * Writes what counts in {@code value}, as the comparison sees it: a key whose value holds nothing that counts is
     * left out, like a missing one; an ignored array element is written as {@code null}, so the elements after it keep
     * their indexes, and ignored elements at the end are left out, like missing ones.
     */
    private void write(JsonNode value, List<String> path, JsonGenerator canonical) {
        if (value.isObject()) {
            canonical.writeStartObject();
            String[] keys = value.propertyNames().toArray(String[]::new);
            Arrays.sort(keys);
            for (String key : keys) {
                path.add(key);
                if (counts(value.get(key), path)) {
                    canonical.writeName(key);
                    write(value.get(key), path, canonical);
                }
                path.remove(path.size() - 1);
            }
            canonical.writeEndObject();
        } else if (value.isArray()) {
            canonical.writeStartArray();
            int end = value.size();
            while (end > 0 && isIgnored(path, end - 1)) {
                end--;
            }
            for (int index = 0; index < end; index++) {
                path.add(Integer.toString(index));
                if (ignored.covers(path)) {
                    canonical.writeNull();
                } else {
                    write(value.get(index), path, canonical);
                }
                path.remove(path.size() - 1);
            }
            canonical.writeEndArray();
        } else {
            canonical.writeTree(value);
        }
    }

    /** Whether {@code value} at {@code path} holds anything that counts: a map holding nothing is as good as none. */
    private boolean counts(JsonNode value, List<String> path) {
        if (ignored.covers(path)) {
            return false;
        }
        if (!value.isObject()) {
            return true;
        }
        for (String key : value.propertyNames()) {
            path.add(key);
            boolean counts = counts(value.get(key), path);
            path.remove(path.size() - 1);
            if (counts) {
                return true;
            }
        }
        return false;
    }

    private boolean isIgnored(List<String> path, int index) {
        path.add(Integer.toString(index));
        boolean covered = ignored.covers(path);
        path.remove(path.size() - 1);
        return covered;
    }

    /** Feeds what the generator writes to the hash, instead of keeping it. */
    private static final class Hashing extends OutputStream {

        private final StreamingXXHash64 hash;

        Hashing(StreamingXXHash64 hash) {
            this.hash = hash;
        }

        @Override
        public void write(int b) {
            hash.update(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            hash.update(bytes, offset, length);
        }
    }
}
