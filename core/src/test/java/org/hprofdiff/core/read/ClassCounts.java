package org.hprofdiff.core.read;

import java.util.Arrays;

/**
 * Counts by a long key (class id) in an open-addressing table, so that counting costs little next to
 * reading: a histogram-like pass measures the reader, not a boxed map.
 */
final class ClassCounts {
    private long[] keys = new long[1 << 12];
    private long[] counts = new long[1 << 12];
    private long[] bytes = new long[1 << 12];
    private boolean hasZero;
    private long zeroCount, zeroBytes;
    private int size;

    void add(long key, long byteCount) {
        if (key == 0) {
            hasZero = true;
            zeroCount++;
            zeroBytes += byteCount;
            return;
        }
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                counts[i]++;
                bytes[i] += byteCount;
                return;
            }
            if (k == 0) {
                keys[i] = key;
                counts[i] = 1;
                bytes[i] = byteCount;
                if (++size * 2 > keys.length) grow();
                return;
            }
            i = (i + 1) & mask;
        }
    }

    long count(long key) {
        if (key == 0) return zeroCount;
        int mask = keys.length - 1;
        for (int i = (int) mix(key) & mask; keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) return counts[i];
        }
        return 0;
    }

    long total() {
        long t = zeroCount;
        for (long c : counts) t += c;
        return t;
    }

    int distinctKeys() { return size + (hasZero ? 1 : 0); }

    void addAll(ClassCounts other) {
        if (other.hasZero) {
            hasZero = true;
            zeroCount += other.zeroCount;
            zeroBytes += other.zeroBytes;
        }
        for (int i = 0; i < other.keys.length; i++) {
            if (other.keys[i] != 0) addN(other.keys[i], other.counts[i], other.bytes[i]);
        }
    }

    private void addN(long key, long n, long b) {
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
        if (keys[i] == 0) {
            keys[i] = key;
            if (++size * 2 > keys.length) {
                counts[i] = n;
                bytes[i] = b;
                grow();
                return;
            }
        }
        counts[i] += n;
        bytes[i] += b;
    }

    private void grow() {
        long[] ok = keys, oc = counts, ob = bytes;
        keys = new long[ok.length * 2];
        counts = new long[ok.length * 2];
        bytes = new long[ok.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) if (ok[i] != 0) addN(ok[i], oc[i], ob[i]);
    }

    /** Calls {@code action} with each key and its count. */
    void forEach(java.util.function.BiConsumer<Long, Long> action) {
        if (hasZero) action.accept(0L, zeroCount);
        for (int i = 0; i < keys.length; i++) if (keys[i] != 0) action.accept(keys[i], counts[i]);
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    @Override
    public String toString() { return "ClassCounts" + Arrays.toString(new long[] {distinctKeys(), total()}); }
}
