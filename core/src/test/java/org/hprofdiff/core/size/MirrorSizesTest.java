package org.hprofdiff.core.size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Mirror sizes worked out by hand from HotSpot's static field layout; the cases are real classes measured on JDK 25. */
class MirrorSizesTest {
    private static final SizeModel COMPRESSED = new SizeModel(16, 4, 8, false, true, "test");
    private static final SizeModel UNCOMPRESSED = new SizeModel(12, 8, 8, false, true, "test");

    @Test
    void anOddReferenceCountLeavesAHoleBeforeTheFirstLong() {
        MirrorSizes m = new MirrorSizes(120, true);
        // java.util.TreeMap: a reference (120..124), a long (128..136), two booleans (136, 137) → 144.
        assertEquals(144, m.mirror(COMPRESSED, new MirrorSizes.Statics(10, 1, true)));
        // javax.management.AttributeChangeNotification: a reference and a long → 136.
        assertEquals(136, m.mirror(COMPRESSED, new MirrorSizes.Statics(8, 1, true)));
        // An int instead of the long: no 8-byte alignment, 120 + 4 + 4 → 128.
        assertEquals(128, m.mirror(COMPRESSED, new MirrorSizes.Statics(4, 1, false)));
        // 8-byte references leave no hole: 192 + 8 + 8 + 2 → 216.
        assertEquals(216, new MirrorSizes(192, true).mirror(UNCOMPRESSED, new MirrorSizes.Statics(10, 1, true)));
        assertEquals(120, m.mirror(COMPRESSED, MirrorSizes.Statics.NONE));
    }

    @Test
    void withoutStaticsInMirrorsEveryMirrorIsAClassInstance() {
        assertEquals(96, new MirrorSizes(96, false).mirror(COMPRESSED, new MirrorSizes.Statics(100, 7, true)));
    }

    @Test
    void mirrorsGapsTellWhereStaticsLive() {
        // JDK 11+: no mirror with statics is closer to the next object than C plus its statics.
        assertTrue(MirrorSizes.staticsInMirrors(112, new long[] {128, 136, 200}, new long[] {16, 24, 40}));
        // JDK 6: mirrors are C = 96 bytes apart whatever their statics.
        assertFalse(MirrorSizes.staticsInMirrors(96, new long[] {96, 96, 104, 96}, new long[] {16, 24, 8, 40}));
    }
}
