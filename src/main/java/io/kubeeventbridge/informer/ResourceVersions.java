package io.kubeeventbridge.informer;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * resourceVersions are opaque strings to clients, but etcd-backed API servers issue increasing integers; where the
 * bridge must tell which of two is newer, it reads them as such.
 */
final class ResourceVersions {

    /** Newer sorts later: numerically, then (for versions that are not integers) as text. */
    static final Comparator<String> ORDER =
            Comparator.comparing(ResourceVersions::numericOrZero).thenComparing(Comparator.naturalOrder());

    private ResourceVersions() {}

    /** The version as an integer, or {@code null} when it is not one. */
    static BigInteger numeric(String resourceVersion) {
        return resourceVersion != null
                        && !resourceVersion.isEmpty()
                        && resourceVersion.chars().allMatch(c -> c >= '0' && c <= '9')
                ? new BigInteger(resourceVersion)
                : null;
    }

    private static BigInteger numericOrZero(String resourceVersion) {
        BigInteger numeric = numeric(resourceVersion);
        return numeric == null ? BigInteger.ZERO : numeric;
    }
}
