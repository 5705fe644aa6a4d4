package io.kubeeventbridge.informer;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * resourceVersions are opaque strings to clients, but etcd-backed API servers issue increasing integers: where both
 * are integers they are compared as such, and otherwise the bridge assumes no order.
 */
final class ResourceVersions {

    /** Integers in their order, before anything else in string order. */
    static final Comparator<String> ORDER =
            Comparator.comparing(ResourceVersions::numeric).thenComparing(Comparator.naturalOrder());

    private ResourceVersions() {}

    /** Whether {@code candidate} is known to be newer than {@code than}: both integers, and greater. */
    static boolean isNewer(String candidate, String than) {
        return isInteger(candidate) && isInteger(than) && numeric(candidate).compareTo(numeric(than)) > 0;
    }

    private static boolean isInteger(String resourceVersion) {
        return resourceVersion != null
                && !resourceVersion.isEmpty()
                && resourceVersion.chars().allMatch(Character::isDigit);
    }

    private static BigInteger numeric(String resourceVersion) {
        return isInteger(resourceVersion) ? new BigInteger(resourceVersion) : BigInteger.ZERO;
    }
}
