package org.hprofdiff.index.graph.offheap;

import java.util.Arrays;

/**
 * Sorts pairs of longs stored side by side ({@code key, value, key, value, ...}) by key, off the Java heap, for
 * tables whose size is not bounded in advance: a least-significant-digit radix sort, 11 bits a pass, through a
 * second table as long as the first (from the scratch). It replaced a heapsort in place, whose random swaps over
 * the dominator tree's overflowing retained sizes of a 39.8 GB dump took 9.6 s on one core.
 */
public final class PairSort {
    private static final int DIGIT_BITS = 11;
    private static final int DIGITS = 1 << DIGIT_BITS;

    private PairSort() {}

    /**
     * Sorts the first {@code pairs} pairs of {@code a} by ascending key (keys from 0 to {@code maxKey}); pairs with
     * equal keys keep their order.
     */
    public static void byKey(LongArray a, long pairs, long maxKey, Scratch scratch) {
        if (pairs < 2) return;
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, maxKey));
        long[] next = new long[DIGITS];
        try (LongArray other = scratch.longs(2 * pairs)) {
            LongArray from = a;
            LongArray to = other;
            for (int shift = 0; shift < bits; shift += DIGIT_BITS) {
                Arrays.fill(next, 0);
                for (long i = 0; i < pairs; i++) next[digit(from.get(2 * i), shift)]++;
                long at = 0;
                for (int d = 0; d < DIGITS; d++) {
                    long count = next[d];
                    next[d] = at;
                    at += count;
                }
                for (long i = 0; i < pairs; i++) {
                    long key = from.get(2 * i);
                    long j = next[digit(key, shift)]++;
                    to.set(2 * j, key);
                    to.set(2 * j + 1, from.get(2 * i + 1));
                }
                LongArray t = from;
                from = to;
                to = t;
            }
            if (from != a) from.copyTo(a, 2 * pairs);
        }
    }

    private static int digit(long key, int shift) {
        if (key < 0) throw new IllegalArgumentException("a negative key: " + key);
        return (int) (key >>> shift) & (DIGITS - 1);
    }
}
