package org.hprofdiff.core.summary;

import java.util.Arrays;
import org.hprofdiff.core.format.BasicType;
import org.hprofdiff.core.size.SizeModelInference;

/**
 * Follows the objects of each heap record in address order and hands out the distance from each
 * object to the next thing in memory, an upper bound of its size.
 *
 * <p>HotSpot writes class mirrors ({@code java.lang.Class} objects) as CLASS_DUMP records ahead of the
 * objects, not in the object stream, yet they sit between objects in the heap. Mirrors whose class
 * dumps came before the first object are therefore merged into the run by address (a cursor into their
 * sorted addresses: one or two comparisons per object), so that an instance followed by a mirror is
 * measured up to the mirror and each mirror gets a gap of its own. Class dumps that come inside the
 * object stream (Android writes them in address order) simply take their place in the run.
 */
final class GapTracker {
    private static final int NONE = 0, INSTANCE = 1, ARRAY = 2, MIRROR = 3;

    private final ClassTable classes;
    private final SizeModelInference inference;

    private long[] mirrors = new long[1024];
    private int mirrorCount;
    /** Smallest gap after each mirror (parallel to the sorted {@link #mirrors}); MAX_VALUE when none. */
    private long[] mirrorGaps;
    private boolean objectsStarted;
    private int cursor;

    private long previousAddress;
    private int previousKind;
    private int previousSlot;
    private BasicType previousElementType;
    private int previousLength;

    GapTracker(ClassTable classes, SizeModelInference inference) {
        this.classes = classes;
        this.inference = inference;
    }

    /** A heap record begins: no gap spans two records. */
    void newRun() {
        previousKind = NONE;
    }

    void classDump(long mirrorAddress) {
        if (!objectsStarted) {
            if (mirrorCount == mirrors.length) mirrors = Arrays.copyOf(mirrors, mirrorCount * 2);
            mirrors[mirrorCount++] = mirrorAddress;
            return;
        }
        step(mirrorAddress);
        previousKind = MIRROR;
        previousSlot = -1; // not one of the sorted mirrors: its own gap is not needed
    }

    void instance(long address, int slot) {
        step(address);
        previousKind = INSTANCE;
        previousSlot = slot;
    }

    void array(long address, BasicType elementType, int length) {
        step(address);
        previousKind = ARRAY;
        previousElementType = elementType;
        previousLength = length;
    }

    /** Sorted addresses of the mirrors merged into the runs, and the smallest gap after each. */
    long[] mirrorAddresses() { return objectsStarted ? Arrays.copyOf(mirrors, mirrorCount) : new long[0]; }

    long[] mirrorGaps() { return objectsStarted ? Arrays.copyOf(mirrorGaps, mirrorCount) : new long[0]; }

    private void step(long address) {
        inference.objectAddress(address);
        if (!objectsStarted) startObjects();
        if (previousKind != NONE && address > previousAddress) {
            // Mirrors between the previous object and this one end the previous object's gap.
            while (cursor < mirrorCount && mirrors[cursor] < address) {
                long mirror = mirrors[cursor];
                if (mirror > previousAddress) {
                    attribute(mirror - previousAddress);
                    previousAddress = mirror;
                    previousKind = MIRROR;
                    previousSlot = cursor;
                }
                cursor++;
            }
            attribute(address - previousAddress);
        } else {
            cursor = upperBound(address); // a new run, or the addresses went backwards
        }
        previousAddress = address;
    }

    private void attribute(long gap) {
        switch (previousKind) {
            case INSTANCE -> classes.gapAfterInstance(previousSlot, gap);
            case ARRAY -> inference.arrayGap(previousElementType, previousLength, gap);
            case MIRROR -> {
                if (previousSlot >= 0 && previousSlot < mirrorCount && mirrors[previousSlot] == previousAddress) {
                    mirrorGaps[previousSlot] = Math.min(mirrorGaps[previousSlot], gap);
                }
            }
            default -> { }
        }
    }

    private void startObjects() {
        objectsStarted = true;
        Arrays.sort(mirrors, 0, mirrorCount);
        int distinct = 0;
        for (int i = 0; i < mirrorCount; i++) if (distinct == 0 || mirrors[i] != mirrors[distinct - 1]) mirrors[distinct++] = mirrors[i];
        mirrorCount = distinct;
        mirrorGaps = new long[mirrorCount];
        Arrays.fill(mirrorGaps, Long.MAX_VALUE);
    }

    /** Index of the first mirror above {@code address}. */
    private int upperBound(long address) {
        int lo = 0, hi = mirrorCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mirrors[mid] <= address) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
