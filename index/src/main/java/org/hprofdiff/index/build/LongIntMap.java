package org.hprofdiff.index.build;

import java.util.Arrays;

/**
 * Open-addressing map from long keys (object ids; 0 is reserved as "empty") to non-negative ints,
 * for per-class tables such as class id → class index. Reads are safe from several threads once
 * writing has finished.
 */
final class LongIntMap {
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    /** The value for {@code key}, or -1. */
    int get(long key) {
        if (key == 0) return -1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) return values[i];
            if (k == 0) return -1;
        }
    }

    /** Puts unless present; returns the value now mapped. */
    int putIfAbsent(long key, int value) {
        if (key == 0) throw new IllegalArgumentException("key 0 is reserved");
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) return values[i];
            if (k == 0) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) grow();
                return value;
            }
        }
    }

    boolean contains(long key) { return get(key) >= 0; }

    int size() { return size; }

    /** The keys, in no particular order. */
    long[] keys() {
        long[] out = new long[size];
        int n = 0;
        for (long k : keys) if (k != 0) out[n++] = k;
        return out;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) if (oldKeys[i] != 0) putIfAbsent(oldKeys[i], oldValues[i]);
        Arrays.fill(oldKeys, 0);
    }
}
