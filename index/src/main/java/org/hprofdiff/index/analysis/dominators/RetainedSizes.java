package org.hprofdiff.index.analysis.dominators;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The stored retained sizes: 4 bytes an object, in units of 2^shift bytes (the unit divides every shallow
 * size, so nothing is rounded); a size of 2^32 - 1 units or more is stored as {@link DominatorFile#RETAINED_OVERFLOW}
 * and found in the overflow table by binary search. Only objects that hold about 32 GiB or more overflow:
 * on a 40 GB heap, the few at the top of the tree.
 */
final class RetainedSizes {
    private final MemorySegment units;
    private final MemorySegment overflow;
    private final long overflowCount;
    private final int shift;

    RetainedSizes(MemorySegment units, MemorySegment overflow, long overflowCount, int shift) {
        this.units = units;
        this.overflow = overflow;
        this.overflowCount = overflowCount;
        this.shift = shift;
    }

    long get(long node) {
        long u = Integer.toUnsignedLong(units.getAtIndex(ValueLayout.JAVA_INT, node));
        return u != DominatorFile.RETAINED_OVERFLOW ? u << shift : lookUp(node);
    }

    private long lookUp(long node) {
        long lo = 0;
        long hi = overflowCount - 1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            long at = overflow.getAtIndex(ValueLayout.JAVA_LONG, 2 * mid);
            if (at < node) lo = mid + 1;
            else if (at > node) hi = mid - 1;
            else return overflow.getAtIndex(ValueLayout.JAVA_LONG, 2 * mid + 1);
        }
        throw new IllegalStateException("object " + node + " has an overflowing retained size but no entry in the overflow table");
    }

    /** Writes {@code bytes} for {@code node}; returns false when it must go to the overflow table instead. */
    static boolean put(MemorySegment units, long node, long bytes, int shift, long unitsLimit) {
        long u = bytes >>> shift;
        boolean fits = u <= unitsLimit;
        units.setAtIndex(ValueLayout.JAVA_INT, node, (int) (fits ? u : DominatorFile.RETAINED_OVERFLOW));
        return fits;
    }
}
