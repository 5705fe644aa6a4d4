package io.kubeeventbridge.informer;

/**
 * One instance of each string that repeats across cached objects (namespaces, label keys and values), so that 50,000
 * pods in a few namespaces keep one copy of each. A fixed table indexed by hash, each slot holding the last string
 * that landed there: no lock, nothing kept beyond the table, and a few dozen nanoseconds a string where
 * {@link String#intern} took about a microsecond, a third of a pod's compaction on the handler thread. Strings that
 * share a slot take turns in it, so a rare one may be kept twice; the pool only ever shares less, never wrongly.
 */
final class StringPool {

    private static final int SLOTS = 1 << 14;
    // Unsynchronised on purpose: a String is immutable, so a thread reads either some complete string or null.
    private static final String[] pooled = new String[SLOTS];

    private StringPool() {}

    /** The pooled instance equal to {@code value}, pooling {@code value} if there is none; {@code null} stays null. */
    static String pooled(String value) {
        if (value == null) {
            return null;
        }
        int slot = spread(value.hashCode()) & (SLOTS - 1);
        String held = pooled[slot];
        if (value.equals(held)) {
            return held;
        }
        pooled[slot] = value;
        return value;
    }

    // Label values often differ only in their last characters (web-1, web-2): mix the high bits into the low ones.
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
