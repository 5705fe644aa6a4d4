package io.kubeeventbridge.informer;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * resourceVersions are opaque strings to clients, but etcd-backed API servers issue increasing integers: where the
 * bridge must tell which of two is newer, it reads them as such, and otherwise it assumes no order.
 */
final class ResourceVersions {

    /** Newer sorts later: integers numerically, before anything else in string order. */
    static final Comparator<String> ORDER =
            Comparator.comparing(ResourceVersions::numericOrZero).thenComparing(Comparator.naturalOrder());

    private ResourceVersions() {}

    /** Whether {@code candidate} is known to be newer than {@code than}: both integers, and greater. */
    static boolean isNewer(String candidate, String than) {
        BigInteger newer = numeric(candidate);
        BigInteger older = numeric(than);
        return newer != null && older != null && newer.compareTo(older) > 0;
    }

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
