package org.hprofdiff.core.size;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hprofdiff.core.format.BasicType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Array sizes worked out by hand from each VM's documented layout (header, u4 length, element base, alignment). */
class SizeModelTest {

    @ParameterizedTest(name = "header {0}, refs {1}, base aligned {2}: {3}[{4}] = {5}")
    @CsvSource({
            // JDK 22+ compressed: elements at 16 for every type.
            "12, 4, false, INT, 3, 32",      // 16 + 12 = 28 → 32
            "12, 4, false, BYTE, 0, 16",
            "12, 4, false, OBJECT, 5, 40",   // 16 + 20 = 36 → 40
            // Compact headers: length at 8, elements at 12 (4-byte types) or 16 (longs).
            "8, 4, false, BYTE, 5, 24",      // 12 + 5 = 17 → 24
            "8, 4, false, INT, 1, 16",       // 12 + 4
            "8, 4, false, LONG, 1, 24",      // 16 + 8
            "8, 4, false, OBJECT, 3, 24",    // 12 + 12
            // No compressed class pointers, JDK 22+: length at 16, ints at 20, longs at 24.
            "16, 4, false, INT, 1, 24",
            "16, 8, false, LONG, 1, 32",
            // No compressed class pointers, JDK 21-: every type at 24.
            "16, 8, true, INT, 1, 32",
            "16, 8, true, OBJECT, 2, 40",
            // 32-bit: length at 8, ints at 12, longs at 16.
            "8, 4, false, CHAR, 2, 16",
            "8, 4, false, DOUBLE, 2, 32",
    })
    void arraySizes(int header, int refs, boolean aligned, BasicType type, int length, long size) {
        SizeModel m = new SizeModel(header, refs, 8, aligned, true, "test");
        assertEquals(size, m.arraySize(type, length));
    }

    @org.junit.jupiter.api.Test
    void describesItselfForPeople() {
        assertEquals("header 8 bytes, references 4 bytes, alignment 8, array elements right after the length, fields packed across classes (JDK 15+)",
                new SizeModel(8, 4, 8, false, true, "test").describe());
        assertEquals("header 8 bytes, references 4 bytes, alignment 8, array elements right after the length, fields class by class (JDK 14 and older)",
                new SizeModel(8, 4, 8, false, false, "test").describe());
    }

    @ParameterizedTest(name = "alignment {0}: {1} → {2}")
    @CsvSource({"8, 20, 24", "8, 24, 24", "16, 20, 32", "16, 32, 32", "256, 1, 256"})
    void alignment(int alignment, long bytes, long aligned) {
        assertEquals(aligned, new SizeModel(12, 4, alignment, false, true, "test").align(bytes));
    }
}
