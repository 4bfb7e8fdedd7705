package org.hprofdiff.testdata.scenarios.churn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A least-recently-used cache with a fixed capacity: it grows while it fills and then stays flat,
 * which a diff over the first rounds can mistake for a leak.
 */
final class BoundedLruCache<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    BoundedLruCache(int capacity) {
        super(16, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
