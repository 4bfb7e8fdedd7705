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
 * measured up to the mirror and each mirror gets a gap of its own. Class dumps that come inside or
 * after the object stream (Android writes them in address order; a JDK 22+ parallel dump may write
 * them last) simply take their place in the run, and get a gap of their own from what follows them.
 */
final class GapTracker {
    private static final int NONE = 0, INSTANCE = 1, ARRAY = 2, MIRROR = 3, LATE_MIRROR = 4;

    private final ClassSlots classes;
    private final SizeModelInference inference;

    private long[] mirrors = new long[1024];
    private int mirrorCount;
    /** Smallest gap after each mirror (parallel to the sorted {@link #mirrors}); MAX_VALUE when none. */
    private long[] mirrorGaps;
    /** Mirrors whose class dumps came after the first object, in arrival order, and the smallest gap after each. */
    private long[] lateMirrors = new long[64];
    private long[] lateMirrorGaps = new long[64];
    private int lateMirrorCount;
    private boolean objectsStarted;
    private int cursor;

    private long previousAddress;
    private int previousKind;
    private int previousSlot;
    private BasicType previousElementType;
    private int previousLength;

    GapTracker(ClassSlots classes, SizeModelInference inference) {
        this.classes = classes;
        this.inference = inference;
    }

    /**
     * A tracker for heap records parsed apart from the first ones (another thread's share), once the objects
     * have started: the mirrors that came before them are {@code early}'s, shared read-only; every class dump
     * this one sees is a late mirror.
     */
    GapTracker(ClassSlots classes, SizeModelInference inference, GapTracker early) {
        if (!early.objectsStarted) throw new IllegalStateException("the mirrors before the first object are not all known yet");
        this.classes = classes;
        this.inference = inference;
        this.mirrors = early.mirrors;
        this.mirrorCount = early.mirrorCount;
        this.objectsStarted = true;
        this.mirrorGaps = new long[mirrorCount];
        Arrays.fill(mirrorGaps, Long.MAX_VALUE);
    }

    /** Whether an object has been seen: the mirrors before it (merged into every run) are all known. */
    boolean objectsStarted() { return objectsStarted; }

    int lateMirrorCount() { return lateMirrorCount; }

    /** Takes a part's smallest gaps after the early mirrors (they are this tracker's mirrors). */
    void absorbEarlyGaps(GapTracker part) {
        for (int i = 0; i < mirrorCount; i++) mirrorGaps[i] = Math.min(mirrorGaps[i], part.mirrorGaps[i]);
    }

    /** Appends a part's late mirrors {@code [from, to)} with their gaps, which runs within their own records settled. */
    void appendLateMirrors(GapTracker part, int from, int to) {
        for (int i = from; i < to; i++) {
            if (lateMirrorCount == lateMirrors.length) {
                lateMirrors = Arrays.copyOf(lateMirrors, lateMirrorCount * 2);
                lateMirrorGaps = Arrays.copyOf(lateMirrorGaps, lateMirrorCount * 2);
            }
            lateMirrors[lateMirrorCount] = part.lateMirrors[i];
            lateMirrorGaps[lateMirrorCount++] = part.lateMirrorGaps[i];
        }
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
        if (lateMirrorCount == lateMirrors.length) {
            lateMirrors = Arrays.copyOf(lateMirrors, lateMirrorCount * 2);
            lateMirrorGaps = Arrays.copyOf(lateMirrorGaps, lateMirrorCount * 2);
        }
        lateMirrors[lateMirrorCount] = mirrorAddress;
        lateMirrorGaps[lateMirrorCount] = Long.MAX_VALUE;
        previousKind = LATE_MIRROR;
        previousSlot = lateMirrorCount++;
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

    /** Addresses of all mirrors seen (those before the objects first, sorted), parallel to {@link #mirrorGaps()}. */
    long[] mirrorAddresses() {
        int early = objectsStarted ? mirrorCount : 0;
        long[] out = Arrays.copyOf(objectsStarted ? mirrors : new long[0], early + lateMirrorCount);
        System.arraycopy(lateMirrors, 0, out, early, lateMirrorCount);
        return out;
    }

    /** Smallest gap after each mirror of {@link #mirrorAddresses()}; Long.MAX_VALUE when none was seen. */
    long[] mirrorGaps() {
        int early = objectsStarted ? mirrorCount : 0;
        long[] out = Arrays.copyOf(objectsStarted ? mirrorGaps : new long[0], early + lateMirrorCount);
        System.arraycopy(lateMirrorGaps, 0, out, early, lateMirrorCount);
        return out;
    }

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
            case MIRROR -> mirrorGaps[previousSlot] = Math.min(mirrorGaps[previousSlot], gap);
            case LATE_MIRROR -> lateMirrorGaps[previousSlot] = Math.min(lateMirrorGaps[previousSlot], gap);
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
