package org.hprofdiff.core.summary.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NoiseFloorTest {

    private static Sample s(long instances, long bytes) {
        return new Sample(instances > 0, instances, bytes, null);
    }

    @Test
    void smallAbsoluteChangesAreFlat() {
        NoiseFloor floor = new NoiseFloor(10, 4096, 1.0);
        assertEquals(Step.FLAT, floor.step(s(100, 1600), s(110, 1760)));   // +10 objects, +160 B: at the floor, not above
        assertEquals(Step.UP, floor.step(s(100, 1600), s(111, 1776)));     // +11 objects > 10 and > 1% of 100
    }

    @Test
    void relativeFloorHidesSmallChangesOfLargeClasses() {
        NoiseFloor floor = new NoiseFloor(10, 4096, 1.0);
        // 1,000,000 Strings gaining 5,000 (0.5%) and 120,000 bytes (0.5%): within 1%.
        assertEquals(Step.FLAT, floor.step(s(1_000_000, 24_000_000), s(1_005_000, 24_120_000)));
        assertEquals(Step.DOWN, floor.step(s(1_000_000, 24_000_000), s(980_000, 23_520_000)));
    }

    @Test
    void bytesAloneCanMakeAStep() {
        // One HashMap table resized from 16,384 to 32,768 slots: count flat, bytes doubled.
        NoiseFloor floor = NoiseFloor.DEFAULT;
        assertEquals(Step.UP, floor.step(s(1, 65_552), s(1, 131_088)));
    }

    @Test
    void oppositeDirectionsAreMixed() {
        assertEquals(Step.MIXED, NoiseFloor.NONE.step(s(100, 100_000), s(50, 200_000)));
    }

    @Test
    void noneCountsEveryChange() {
        assertEquals(Step.UP, NoiseFloor.NONE.step(s(1, 16), s(2, 32)));
        assertEquals(Step.FLAT, NoiseFloor.NONE.step(s(2, 32), s(2, 32)));
    }

    @Test
    void rejectsNegativeFloors() {
        assertThrows(IllegalArgumentException.class, () -> new NoiseFloor(-1, 0, 0));
    }
}
