package org.hprofdiff.index.build;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Inbound edge counts per ordinal, counted while the second pass decodes (each worker adds its units'
 * targets with atomic increments), so the transpose does not read all edges once more just to count.
 * 4-byte counters in a scratch file; a counter that would pass 2^32 - 1 is noted, and the transpose
 * then counts again with 8-byte counters (never silently wrapped).
 */
final class InDegrees {
    private static final VarHandle COUNTER = ValueLayout.JAVA_INT.arrayElementVarHandle();

    private final MemorySegment counters;
    private volatile boolean overflowed;

    InDegrees(MemorySegment counters) {
        this.counters = counters;
    }

    /** Counts one inbound edge for each of {@code targets[0 .. count)}. */
    void add(long[] targets, int count) {
        for (int i = 0; i < count; i++) {
            int before = (int) COUNTER.getAndAdd(counters, 0L, targets[i], 1);
            if (before == -1) overflowed = true; // 0xFFFFFFFF + 1 wrapped to 0
        }
    }

    MemorySegment counters() { return counters; }

    /** As if a count had overflowed (tests of the recount, which otherwise needs 2^32 edges into one object). */
    void markOverflowed() {
        overflowed = true;
    }

    /** Whether some ordinal has 2^32 or more inbound edges: the 4-byte counts are then not to be used. */
    boolean overflowed() { return overflowed; }
}
