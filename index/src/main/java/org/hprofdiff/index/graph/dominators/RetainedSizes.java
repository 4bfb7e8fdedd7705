package org.hprofdiff.index.graph.dominators;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The stored retained sizes and reachability groups: 4 bytes an object, the group in the 2 high bits, the
 * size in the 30 low bits in units of 2^shift bytes (the unit divides every shallow size, so nothing is
 * rounded). A size of 2^30 - 1 units or more is stored as {@link DominatorFile#RETAINED_OVERFLOW} units and
 * found in the overflow table by binary search: with 8-byte units, objects that retain 8 GiB or more, the
 * few at the top of a large heap's tree. Zero: not in the tree ({@link Reachability#UNREACHABLE}, 0 bytes).
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
        long u = units.getAtIndex(ValueLayout.JAVA_INT, node) & DominatorFile.RETAINED_OVERFLOW;
        return u != DominatorFile.RETAINED_OVERFLOW ? u << shift : lookUp(node);
    }

    Reachability reachability(long node) {
        return Reachability.ofCode((byte) (units.getAtIndex(ValueLayout.JAVA_INT, node) >>> DominatorFile.UNIT_BITS));
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

    /** Writes {@code node}'s group and size; returns false when the size must go to the overflow table instead. */
    static boolean put(MemorySegment units, long node, Reachability group, long bytes, int shift, long unitsLimit) {
        long u = bytes >>> shift;
        boolean fits = u <= unitsLimit;
        units.setAtIndex(ValueLayout.JAVA_INT, node, group.code() << DominatorFile.UNIT_BITS | (int) (fits ? u : DominatorFile.RETAINED_OVERFLOW));
        return fits;
    }
}
