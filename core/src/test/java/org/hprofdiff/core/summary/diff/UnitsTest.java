package org.hprofdiff.core.summary.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void formatsBinaryUnits() {
        assertEquals("812 B", Units.bytes(812));
        assertEquals("1.5 KB", Units.bytes(1536));
        assertEquals("50.0 MB", Units.bytes(50L << 20));
        assertEquals("-2.0 GB", Units.bytes(-(2L << 30)));
        assertEquals("+1.1 MB/h", Units.byteRate(1.1 * (1 << 20)));
        assertEquals("0 B", Units.signedBytes(0));
    }

    @Test
    void formatsCountsAndPercent() {
        assertEquals("+1,234,567", Units.signedCount(1_234_567));
        assertEquals("-3", Units.signedCount(-3));
        assertEquals("+20.0%", Units.signedPercent(20.0));
        assertEquals("n/a", Units.signedPercent(null));
        assertEquals("+16.7/h", Units.countRate(400 / 24.0));
    }
}
