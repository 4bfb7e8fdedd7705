package org.hprofdiff.core.summary;

import org.hprofdiff.core.collect.LongIntMap;
import java.util.Arrays;

/**
 * Counts long object arrays by array class and exact length ({@code HashMap$Node[16384]} was the row
 * people watched grow in the incident). Only lengths from {@link #MIN_LENGTH} up are kept, and at most
 * {@link #MAX_KEYS} distinct (class, length) pairs, so memory stays bounded whatever the dump holds;
 * arrays beyond that are counted in {@link #untracked()}.
 */
final class LongArrayCounter {
    static final int MIN_LENGTH = 1024;
    static final int MAX_KEYS = 1 << 16;

    private final LongIntMap index = new LongIntMap(1024);
    private long[] keys = new long[1024];
    private long[] counts = new long[1024];
    private int size;
    private long untracked;

    void add(int classSlot, int length) {
        long key = ((long) classSlot << 32) | length;
        int i = index.get(key);
        if (i == LongIntMap.ABSENT) {
            if (size == MAX_KEYS) {
                untracked++;
                return;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            keys[size] = key;
            index.put(key, i = size++);
        }
        counts[i]++;
    }

    int size() { return size; }

    int classSlot(int i) { return (int) (keys[i] >>> 32); }

    int length(int i) { return (int) keys[i]; }

    long count(int i) { return counts[i]; }

    long untracked() { return untracked; }
}
