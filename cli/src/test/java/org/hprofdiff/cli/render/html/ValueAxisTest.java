package org.hprofdiff.cli.render.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hprofdiff.cli.render.html.ValueAxis.Unit;
import org.junit.jupiter.api.Test;

class ValueAxisTest {

    @Test
    void growthFromLowStartsAtZero() {
        // 400 is at most half of 800: a zero base shows the doubling as it is.
        ValueAxis a = ValueAxis.of(List.of(400L, 600L, 800L), Unit.OBJECTS);
        assertEquals(List.of(0L, 200L, 400L, 600L, 800L), a.ticks());
    }

    @Test
    void smallGrowthOnALargeBaseKeepsItsShape() {
        // 1,000,000 → 1,000,500: from zero it would be a flat line; the axis hugs the data instead.
        ValueAxis a = ValueAxis.of(List.of(1_000_000L, 1_000_500L), Unit.OBJECTS);
        assertEquals(List.of(1_000_000L, 1_000_200L, 1_000_400L, 1_000_600L), a.ticks());
        assertEquals(0.0, a.fraction(1_000_000L));
        assertEquals(500 / 600.0, a.fraction(1_000_500L), 1e-9);
    }

    @Test
    void byteAxesStepInTheUnitTheyShow() {
        // 38,400 bytes / 4 ticks = 9,600 bytes ≈ 9.4 KB → a 10 KB step (10,240 bytes), not 10,000.
        ValueAxis small = ValueAxis.of(List.of(19_200L, 38_400L), Unit.BYTES);
        assertEquals(List.of(0L, 10_240L, 20_480L, 30_720L, 40_960L), small.ticks());
        assertEquals(List.of("0 KB", "10 KB", "20 KB", "30 KB", "40 KB"), labels(small));
        // 1.5 MB → 2.9 MB (the demo's byte[]): half-megabyte steps, not 500 KB steps that read 2.0, 2.4, 2.9 MB.
        ValueAxis mb = ValueAxis.of(List.of(1_572_864L, 3_040_870L), Unit.BYTES);
        assertEquals(List.of("1.5 MB", "2.0 MB", "2.5 MB", "3.0 MB"), labels(mb));
        assertEquals(1L << 20, ValueAxis.niceStep(900 * 1024.0, 900 * 1024, Unit.BYTES), "about 900 KB rounds to 1 MB, not 1000 KB");
        assertEquals(2L << 20, ValueAxis.niceStep(1.5 * (1 << 20), 6 << 20, Unit.BYTES));
    }

    @Test
    void flatOrEmptySeriesStillHaveARange() {
        assertEquals(List.of(0L, 1L), ValueAxis.of(List.of(0L, 0L), Unit.OBJECTS).ticks());
        ValueAxis flat = ValueAxis.of(List.of(500L, 500L, 500L), Unit.OBJECTS);
        assertEquals(0L, flat.lo());
        assertEquals(600L, flat.hi(), "500 rounded up to the 200 step");
        assertEquals(1L, ValueAxis.niceStep(0.25, 3, Unit.OBJECTS), "counts never step by less than one");
    }

    @Test
    void countTicksAreShortAndNeverRepeat() {
        // The demo's int[] (1,510 → 1,632) and byte[] counts (12,015 → 12,575): every label distinct.
        assertEquals(List.of("1,500", "1,550", "1,600", "1,650"), labels(ValueAxis.of(List.of(1_510L, 1_632L), Unit.OBJECTS)));
        assertEquals(List.of("12.0k", "12.2k", "12.4k", "12.6k"), labels(ValueAxis.of(List.of(12_015L, 12_575L), Unit.OBJECTS)));
        assertEquals(List.of("0.0M", "0.5M", "1.0M", "1.5M"), labels(ValueAxis.of(List.of(400_000L, 1_500_000L), Unit.OBJECTS)));
        assertEquals("1,200 objects", Unit.OBJECTS.exact(1_200));
        assertEquals("1,048,576 bytes (1.0 MB)", Unit.BYTES.exact(1 << 20));
    }

    private static List<String> labels(ValueAxis axis) {
        return axis.ticks().stream().map(axis::tick).toList();
    }
}
