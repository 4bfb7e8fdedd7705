package org.hprofdiff.index.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WorkersTest {
    @Test
    void partsCoverTheRangeOnceWithAlignedStarts() {
        for (long n : new long[] {0, 1, 63, 64, 65, 1000, 5_000_000_123L}) {
            for (int parts = 1; parts <= 5; parts++) {
                assertEquals(0, Workers.split(n, parts, 0, 64));
                assertEquals(n, Workers.split(n, parts, parts, 64));
                for (int p = 1; p < parts; p++) {
                    long start = Workers.split(n, parts, p, 64);
                    assertEquals(0, start % 64, "n " + n + ", part " + p + " of " + parts);
                    assertTrue(start >= Workers.split(n, parts, p - 1, 64) && start <= n);
                }
            }
        }
    }

    @Test
    void everyPartRunsAndAFailureIsRethrown() {
        try (Workers workers = new Workers(3)) {
            AtomicLong sum = new AtomicLong();
            workers.run(7, part -> sum.addAndGet(1L << part));
            assertEquals(127, sum.get());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> workers.run(3, part -> {
                if (part == 2) throw new IllegalStateException("part 2 failed");
            }));
            assertEquals("part 2 failed", e.getMessage());
        }
    }
}
