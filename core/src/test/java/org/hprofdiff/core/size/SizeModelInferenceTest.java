package org.hprofdiff.core.size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.size.FieldLayout.OwnFields;
import org.junit.jupiter.api.Test;

/**
 * Inference from gaps laid out by hand: arrays placed back to back at the sizes the JVM documents for
 * each layout (the same hand values as {@link SizeModelTest}). Real dumps are covered by the
 * acceptance tests in the summary package.
 */
class SizeModelInferenceTest {
    private static final long BASE = 0x7_0000_0000L;

    /** Feeds arrays of the given hand-computed sizes (type, length, size) back to back. */
    private static SizeModelInference arrays(int idSize, Object[][] arrays, int repeat) {
        SizeModelInference inference = new SizeModelInference(idSize);
        long address = BASE;
        for (int r = 0; r < repeat; r++) {
            for (Object[] a : arrays) {
                inference.objectAddress(address);
                inference.arrayGap((BasicType) a[0], (Integer) a[1], (Long) a[2]);
                address += (Long) a[2];
            }
        }
        return inference;
    }

    @Test
    void compactHeadersAreRecognisedByTheirArrays() {
        // byte[5] = 12 + 5 → 24, int[1] = 16, Object[3] = 24, long[1] = 16 + 8 = 24 (JDK 24+ compact headers).
        SizeModel m = arrays(8, new Object[][] {{BasicType.BYTE, 5, 24L}, {BasicType.INT, 1, 16L}, {BasicType.OBJECT, 3, 24L},
                {BasicType.LONG, 1, 24L}}, 10).infer(SizeModelOverrides.NONE);
        assertEquals(List.of(8, 4, 8, false), List.of(m.objectHeaderBytes(), m.referenceBytes(), m.objectAlignment(), m.arrayBaseAligned()), m.toString());
        assertTrue(m.origin().startsWith("inferred from object addresses: 40 of 40 array gaps fit exactly"), m.origin());
    }

    @Test
    void uncompressedReferencesAndAlignedArrayBases() {
        // JDK 21- without compressed oops or class pointers: every array's elements at 24.
        SizeModel m = arrays(8, new Object[][] {{BasicType.INT, 1, 32L}, {BasicType.OBJECT, 2, 40L}, {BasicType.BYTE, 8, 32L}}, 10)
                .infer(SizeModelOverrides.NONE);
        assertEquals(List.of(16, 8, true), List.of(m.objectHeaderBytes(), m.referenceBytes(), m.arrayBaseAligned()), m.toString());
    }

    @Test
    void fourByteIdsMeanA32BitVm() {
        // 32-bit: int[1] = 12 + 4 = 16, double[2] = 16 + 16 = 32, char[2] = 12 + 4 = 16.
        SizeModel m = arrays(4, new Object[][] {{BasicType.INT, 1, 16L}, {BasicType.DOUBLE, 2, 32L}, {BasicType.CHAR, 2, 16L}}, 10)
                .infer(SizeModelOverrides.NONE);
        assertEquals(List.of(8, 4, false), List.of(m.objectHeaderBytes(), m.referenceBytes(), m.arrayBaseAligned()), m.toString());
    }

    @Test
    void instanceGapsChooseTheFieldLayout() {
        SizeModelInference inference = arrays(4, new Object[][] {{BasicType.INT, 1, 16L}}, 10);
        // Three classes of one byte each: 24 bytes apart on a JDK 6 VM (class-by-class layout).
        List<OwnFields> chain = List.of(OwnFields.NONE, new OwnFields(0, 0, 0, 0, 1), new OwnFields(0, 0, 0, 0, 1), new OwnFields(0, 0, 0, 0, 1));
        for (int i = 0; i < 5; i++) inference.classGap(chain, 24);
        assertFalse(inference.infer(SizeModelOverrides.NONE).subclassFieldsFillGaps());
    }

    @Test
    void idsThatAreNotAddressesFallBackToTheDefault() {
        SizeModelInference inference = new SizeModelInference(8);
        Random random = new Random(1);
        for (int i = 0; i < 1000; i++) {
            inference.objectAddress(i + 1);
            inference.arrayGap(BasicType.INT, random.nextInt(100), 1); // ids 1, 2, 3...: gaps of 1 fit no layout
        }
        SizeModel m = inference.infer(SizeModelOverrides.NONE);
        assertTrue(m.sameLayout(SizeModel.HOTSPOT_64_COMPRESSED), m.toString());
        assertTrue(m.origin().startsWith("default for 8-byte ids: object ids do not look like addresses"), m.origin());
    }

    @Test
    void givenValuesWinAndTheRestIsInferred() {
        SizeModelInference inference = arrays(8, new Object[][] {{BasicType.BYTE, 5, 24L}, {BasicType.INT, 1, 16L}, {BasicType.OBJECT, 3, 24L}}, 10);
        SizeModel m = inference.infer(new SizeModelOverrides(null, 8, null));
        assertEquals(8, m.referenceBytes());
        assertEquals(8, m.objectHeaderBytes(), m.toString()); // still inferred from the byte and int arrays
        assertTrue(m.origin().startsWith("references 8 bytes given; the rest inferred"), m.origin());
    }

    @Test
    void alignmentIsInferredFromAddresses() {
        // -XX:ObjectAlignmentInBytes=16: byte[5] = 16 + 5 → 32, int[3] = 16 + 12 → 32, Object[1] = 20 → 32.
        SizeModel m = arrays(8, new Object[][] {{BasicType.BYTE, 5, 32L}, {BasicType.INT, 3, 32L}, {BasicType.OBJECT, 1, 32L}, {BasicType.BYTE, 20, 48L}}, 10)
                .infer(SizeModelOverrides.NONE);
        assertEquals(16, m.objectAlignment(), m.toString());
    }

    @Test
    void overridesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new SizeModelOverrides(10, null, null));
        assertThrows(IllegalArgumentException.class, () -> new SizeModelOverrides(null, 6, null));
        assertThrows(IllegalArgumentException.class, () -> new SizeModelOverrides(null, null, 24));
        assertEquals("header 16 bytes, alignment 16 bytes", new SizeModelOverrides(16, null, 16).describe());
    }
}
