package org.hprofdiff.index.graph.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pairs sorted off the heap come out as a plain sort on the heap orders them: by key, ties in their first order. */
class PairSortTest {
    @Test
    void pairsComeOutByKeyWithTiesInTheirOrder() {
        SplittableRandom rnd = new SplittableRandom(3);
        try (Scratch scratch = Scratch.inMemory()) {
            for (int round = 0; round < 200; round++) {
                int pairs = rnd.nextInt(round < 100 ? 20 : 20_000);
                // narrow keys (many ties), keys needing one digit, several digits, and past 32 bits
                long maxKey = new long[] {3, 2047, 1L << 20, 1L << 40}[round % 4];
                long[][] expected = new long[pairs][];
                try (LongArray a = scratch.longs(Math.max(2, 2L * pairs))) {
                    for (int i = 0; i < pairs; i++) {
                        long key = rnd.nextLong(maxKey + 1);
                        expected[i] = new long[] {key, i};
                        a.set(2L * i, key);
                        a.set(2L * i + 1, i);
                    }
                    Arrays.sort(expected, Comparator.comparingLong((long[] p) -> p[0])); // stable
                    PairSort.byKey(a, pairs, maxKey, scratch);
                    for (int i = 0; i < pairs; i++) {
                        assertEquals(expected[i][0], a.get(2L * i), "round " + round + ", key " + i);
                        assertEquals(expected[i][1], a.get(2L * i + 1), "round " + round + ", value " + i);
                    }
                }
            }
        }
    }
}
