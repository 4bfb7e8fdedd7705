package org.hprofdiff.core.summary;

import org.hprofdiff.core.collect.LongIntMap;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void longArrayCounterStopsListingAtItsBound() {
        LongArrayCounter c = new LongArrayCounter();
        for (int length = 0; length < LongArrayCounter.MAX_KEYS + 10; length++) c.add(3, 1024 + length);
        c.add(3, 1024);
        assertEquals(LongArrayCounter.MAX_KEYS, c.size());
        assertEquals(10, c.untracked());
        assertEquals(2, c.count(0));
        assertEquals(3, c.classSlot(0));
        assertEquals(1024, c.length(0));
    }
}
