package org.hprofdiff.index.graph.offheap;

/**
 * Sorts pairs of longs stored side by side ({@code key, value, key, value, ...}) by key, in place and off the
 * Java heap (heapsort: no extra memory, O(k log k)), for tables whose size is not bounded in advance.
 */
public final class PairSort {
    private PairSort() {}

    /** Sorts the first {@code pairs} pairs of {@code a} by ascending key. */
    public static void byKey(LongArray a, long pairs) {
        for (long i = pairs / 2 - 1; i >= 0; i--) siftDown(a, i, pairs);
        for (long end = pairs - 1; end > 0; end--) {
            swap(a, 0, end);
            siftDown(a, 0, end);
        }
    }

    private static void siftDown(LongArray a, long i, long size) {
        while (true) {
            long largest = i;
            long l = 2 * i + 1;
            long r = l + 1;
            if (l < size && a.get(2 * l) > a.get(2 * largest)) largest = l;
            if (r < size && a.get(2 * r) > a.get(2 * largest)) largest = r;
            if (largest == i) return;
            swap(a, i, largest);
            i = largest;
        }
    }

    private static void swap(LongArray a, long i, long j) {
        long k = a.get(2 * i);
        long v = a.get(2 * i + 1);
        a.set(2 * i, a.get(2 * j));
        a.set(2 * i + 1, a.get(2 * j + 1));
        a.set(2 * j, k);
        a.set(2 * j + 1, v);
    }
}
