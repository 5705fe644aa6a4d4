package io.kubeeventbridge.informer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Strings that repeat across cached objects are kept once; the pool never hands back a different string. */
class StringPoolTest {

    @Test
    void equalStringsShareTheInstancePooledFirst() {
        String first = StringPool.pooled(new String("app.kubernetes.io/name"));

        assertThat(StringPool.pooled(new String("app.kubernetes.io/name"))).isSameAs(first);
    }

    @Test
    void stringsThatShareASlotTakeTurnsAndStayThemselves() {
        // "Aa" and "BB" have the same hash, so the same slot.
        String aa = StringPool.pooled(new String("Aa"));
        String bb = new String("BB");

        assertThat(StringPool.pooled(bb)).isSameAs(bb);
        assertThat(StringPool.pooled(new String("Aa"))).isEqualTo("Aa").isNotSameAs(aa);
    }

    @Test
    void nullStaysNull() {
        assertThat(StringPool.pooled(null)).isNull();
    }
}
