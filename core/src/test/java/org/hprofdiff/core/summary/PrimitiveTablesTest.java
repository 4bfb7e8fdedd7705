package org.hprofdiff.core.summary;

import org.hprofdiff.core.collect.LongIntMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The primitive tables behind the histogram pass, against java.util maps. */
class PrimitiveTablesTest {

    @Test
    void longIntMapAgreesWithAHashMap() {
        LongIntMap map = new LongIntMap(4);
        Map<Long, Integer> oracle = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            // Address-like keys (low bits zero, clustered), plus 0 and negative ids.
            long key = i % 1000 == 0 ? -random.nextInt(50) : 0x7_0000_0000L + 8L * random.nextInt(60_000);
            map.put(key, i);
            oracle.put(key, i);
        }
        assertEquals(oracle.size(), map.size());
        oracle.forEach((k, v) -> assertEquals(v, map.get(k), () -> "key " + k));
        assertEquals(LongIntMap.ABSENT, map.get(0x7_0000_0004L));
    }

    @Test
    void longArrayCounterBelowItsBoundListsEveryPair() {
        LongArrayCounter c = new LongArrayCounter();
        for (int length = 0; length < 100; length++) c.add(3, 1024 + length);
        c.add(3, 1024);
        assertEquals(100, c.size());
        assertEquals(0, c.untracked());
        assertEquals(1024, c.minLength());
        assertEquals(2, c.count(0));
        assertEquals(3, c.classSlot(0));
        assertEquals(1024, c.length(0));
    }

    /**
     * Past its bound the counter drops the shortest lengths, doubling the lower bound until the pairs fit: the
     * result is what brute force over all arrays says (the smallest bound 1024·2^k under which at most
     * MAX_KEYS distinct pairs remain, with their exact counts), whatever the order of the arrays and however
     * they are split between counters that are merged afterwards.
     */
    @Test
    void longArrayCounterPastItsBoundKeepsTheLongestAndMergesOrderFree() {
        Random random = new Random(11);
        int n = 400_000;
        int[] slots = new int[n], lengths = new int[n];
        for (int i = 0; i < n; i++) {
            slots[i] = random.nextInt(3);
            lengths[i] = 1024 + (int) Math.min(Integer.MAX_VALUE - 1024L, (long) Math.abs(random.nextGaussian() * 60_000));
        }
        // brute force
        Map<Long, Long> all = new HashMap<>();
        for (int i = 0; i < n; i++) all.merge(((long) slots[i] << 32) | lengths[i], 1L, Long::sum);
        long bound = 1024;
        while (true) {
            long b = bound;
            if (all.keySet().stream().filter(k -> (int) (long) k >= b).count() <= LongArrayCounter.MAX_KEYS) break;
            bound *= 2;
        }
        long expectedBound = bound;
        Map<Long, Long> expected = new HashMap<>();
        all.forEach((k, v) -> { if ((int) (long) k >= expectedBound) expected.put(k, v); });
        long expectedUntracked = n - expected.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(expectedBound > 1024, "the test needs more than MAX_KEYS pairs");

        LongArrayCounter inOrder = new LongArrayCounter();
        for (int i = 0; i < n; i++) inOrder.add(slots[i], lengths[i]);
        assertCounts(expected, expectedBound, expectedUntracked, inOrder);

        // three parts (slots renumbered in each), dealt out in runs, merged into a fourth that has its own arrays
        LongArrayCounter main = new LongArrayCounter();
        LongArrayCounter[] parts = {new LongArrayCounter(), new LongArrayCounter(), new LongArrayCounter()};
        for (int i = 0; i < n; i++) {
            int p = (i / 5000) % 4;
            if (p == 3) main.add(slots[i], lengths[i]);
            else parts[p].add(slots[i] + 10, lengths[i]); // part slot s + 10 is main slot s
        }
        for (LongArrayCounter part : parts) main.addAll(part, s -> s - 10);
        assertCounts(expected, expectedBound, expectedUntracked, main);
    }

    private static void assertCounts(Map<Long, Long> expected, long bound, long untracked, LongArrayCounter c) {
        assertEquals(bound, c.minLength());
        assertEquals(untracked, c.untracked());
        Map<Long, Long> got = new HashMap<>();
        for (int i = 0; i < c.size(); i++) got.put(((long) c.classSlot(i) << 32) | c.length(i), c.count(i));
        assertEquals(expected, got);
    }
}
