package org.hprofdiff.core.size;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hprofdiff.core.size.FieldLayout.OwnFields;
import org.junit.jupiter.api.Test;

/** Instance sizes worked out by hand from HotSpot's two field layouts. */
class FieldLayoutTest {
    private static final OwnFields OBJECT = OwnFields.NONE;
    private static final OwnFields ONE_BYTE = new OwnFields(0, 0, 0, 0, 1);

    private static SizeModel model(int header, int refs, boolean packed) {
        return new SizeModel(header, refs, 8, !packed, packed, "test");
    }

    @Test
    void threeClassesOfOneByteEachOn32Bit() {
        // Eclipse MAT's ClassA <- ClassB <- ClassC, one byte each; jmap -histo of JDK 6 (32-bit) says 24 bytes.
        List<OwnFields> chain = List.of(OBJECT, ONE_BYTE, ONE_BYTE, ONE_BYTE);
        assertEquals(24, FieldLayout.instanceSize(model(8, 4, false), chain)); // 8+1 → 12, +1 → 16, +1 → 17 → 24
        assertEquals(16, FieldLayout.instanceSize(model(8, 4, true), chain));  // 8 + 3 → 16
    }

    @Test
    void aLongAfterAnOddStartTakesASmallerFieldIntoTheGap() {
        // JDK 8 compressed: fields start at 12; the int fills 12..16, the long takes 16..24.
        assertEquals(24, FieldLayout.instanceSize(model(12, 4, false), List.of(OBJECT, new OwnFields(0, 1, 1, 0, 0))));
        // With nothing to fill it the gap stays: 12 → 16, long to 24, another long to 32.
        assertEquals(32, FieldLayout.instanceSize(model(12, 4, false), List.of(OBJECT, new OwnFields(0, 2, 0, 0, 0))));
        // A 4-byte reference may fill it too: reference 12..16, long 16..24.
        assertEquals(24, FieldLayout.instanceSize(model(12, 4, false), List.of(OBJECT, new OwnFields(1, 1, 0, 0, 0))));
    }

    @Test
    void referencesComeLastAlignedToTheirSize() {
        // JDK 8 without compressed oops: header 16, a byte at 16, the reference aligned to 24..32.
        assertEquals(32, FieldLayout.instanceSize(model(16, 8, false), List.of(OBJECT, new OwnFields(1, 0, 0, 0, 1))));
        // JDK 15+: 16 + 1 + 8 = 25 → 32 as well, but two classes of a byte and a reference differ:
        List<OwnFields> two = List.of(OBJECT, new OwnFields(1, 0, 0, 0, 1), new OwnFields(1, 0, 0, 0, 1));
        assertEquals(48, FieldLayout.instanceSize(model(16, 8, false), two)); // 16+1 → 24+8 = 32, +1 → 40+8 = 48
        assertEquals(40, FieldLayout.instanceSize(model(16, 8, true), two));  // 16 + 2 + 16 = 34 → 40
    }

    @Test
    void ownFieldsCountByTypeAndSizeInTheFile() {
        OwnFields f = OwnFields.of(List.of(org.hprofdiff.core.format.BasicType.OBJECT, org.hprofdiff.core.format.BasicType.LONG,
                org.hprofdiff.core.format.BasicType.FLOAT, org.hprofdiff.core.format.BasicType.CHAR, org.hprofdiff.core.format.BasicType.BOOLEAN));
        assertEquals(new OwnFields(1, 1, 1, 1, 1), f);
        assertEquals(15, f.primitiveBytes());
        assertEquals(23, f.bytesInFile(8));
    }
}
