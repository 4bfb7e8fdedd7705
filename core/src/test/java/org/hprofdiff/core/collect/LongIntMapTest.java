package org.hprofdiff.core.collect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LongIntMapTest {

    @Test
    void putIfAbsentKeepsTheFirstValueAndPutReplacesIt() {
        LongIntMap map = new LongIntMap(2);
        assertEquals(7, map.putIfAbsent(0x7f00_0010L, 7));
        assertEquals(7, map.putIfAbsent(0x7f00_0010L, 9));
        map.put(0x7f00_0010L, 9);
        assertEquals(9, map.get(0x7f00_0010L));
        assertFalse(map.contains(0x7f00_0018L));
    }

    @Test
    void zeroIsAKeyLikeAnyOtherAndKeysListsEveryKeyAfterGrowth() {
        LongIntMap map = new LongIntMap(2);
        long[] expected = new long[101];
        for (int i = 0; i <= 100; i++) {
            expected[i] = i * 16L; // address-like keys, 0 included
            map.putIfAbsent(expected[i], i);
        }
        assertTrue(map.contains(0));
        assertEquals(0, map.get(0));
        assertEquals(100, map.get(1600));
        assertEquals(101, map.size());
        long[] keys = map.keys();
        Arrays.sort(keys);
        assertArrayEquals(expected, keys);
    }
}
