package org.hprofdiff.core.summary.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A path's trend is decided by the rows' rules (docs/growth-analysis.md, sections 3 and 4), with the objects
 * through the path for the count and the bytes they retain for the bytes. Expected trends are worked out from
 * those rules by hand.
 */
class PathGrowthTest {
    private static final long HOUR = 3_600_000L;
    /** Three dumps an hour apart. */
    private static final DumpSeries SERIES = new DumpSeries(
            List.of(new DumpPoint(0, "a", 1, 0L, false, 1, 1), new DumpPoint(1, "b", 1, HOUR, false, 1, 1), new DumpPoint(2, "c", 1, 2 * HOUR, false, 1, 1)),
            List.of(new Interval(0, 1, HOUR), new Interval(1, 2, HOUR)), 2 * HOUR, null, List.of());

    private static PathGrowth path(PathSample... samples) {
        return PathGrowth.of(PathGrowth.Description.of("static A.f → A", "static field", List.of("static A.f", "A")),
                List.of(samples), SERIES, NoiseFloor.DEFAULT);
    }

    private static PathSample at(long objects, Long retained) {
        return new PathSample(true, objects, retained);
    }

    @Test
    void twentyMoreEveryIntervalIsSteadyGrowth() {
        PathGrowth p = path(at(20, 2_000_000L), at(40, 4_000_000L), at(60, 6_000_000L));
        assertEquals(Trend.STEADY_GROWTH, p.trend());
        assertEquals(new MetricChange(20, 60, 40, 200.0, List.of(20L, 20L), true, 20.0), p.instances());
        assertEquals(new MetricChange(2_000_000, 6_000_000, 4_000_000, 200.0, List.of(2_000_000L, 2_000_000L), true, 2_000_000.0), p.retained());
    }

    @Test
    void theSameObjectsInEveryDumpAreFlat() {
        assertEquals(Trend.FLAT, path(at(77, 9_328L), at(77, 9_328L), at(77, 9_328L)).trend());
    }

    @Test
    void growthInTheFirstIntervalOnlyIsStartUpGrowth() {
        assertEquals(Trend.STARTUP_GROWTH, path(at(294, 9_408L), at(484, 15_488L), at(484, 15_488L)).trend());
    }

    @Test
    void retainedBytesGrowingAtAFlatCountIsGrowth() {
        // one table that keeps doubling: the count cannot move, the bytes behind it can
        assertEquals(Trend.STEADY_GROWTH, path(at(1, 100_000L), at(1, 200_000L), at(1, 400_000L)).trend());
    }

    @Test
    void aPathThatAppearsAndGrowsIsSteadyGrowthNotNew() {
        PathGrowth p = path(new PathSample(false, 0, 0L), at(20, 1_000L), at(40, 2_000L));
        assertEquals(Trend.STEADY_GROWTH, p.trend());
        assertNull(p.instances().percent(), "no base in the first dump");
    }

    @Test
    void changesWithinTheNoiseFloorAreFlatAndUnknownBytesLeaveTheCountToDecide() {
        PathGrowth p = path(at(5, null), at(8, null), at(12, null));
        assertEquals(Trend.FLAT, p.trend(), "+3 and +4 objects are within the 10-object floor");
        assertNull(p.retained());
    }

    @Test
    void oneSamplePerDump() {
        assertThrows(IllegalArgumentException.class, () -> path(at(1, 1L), at(2, 2L)));
    }
}
