package org.hprofdiff.core.summary;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import org.hprofdiff.core.collect.LongIntMap;

/**
 * Counts long object arrays by array class and exact length ({@code HashMap$Node[16384]} was the row
 * people watched grow in the incident). Only lengths from {@link #MIN_LENGTH} up are kept, and at most
 * {@link #MAX_KEYS} distinct (class, length) pairs, so memory stays bounded whatever the dump holds.
 *
 * <p>When a dump has more pairs than that, the shortest lengths go: the lower bound doubles (1,024, 2,048,
 * 4,096, ...) until the pairs at or above it fit, and the arrays below it are counted in {@link #untracked()}.
 * The bound only rises when the pairs seen so far at or above it overflow, so it ends at the smallest step
 * that the whole dump's pairs fit under, whatever order the arrays came in: counters of parts of the dump
 * (one per thread) merge into exactly the counter of one pass ({@link #addAll}).
 */
final class LongArrayCounter {
    static final int MIN_LENGTH = 1024;
    static final int MAX_KEYS = 1 << 16;

    private LongIntMap index = new LongIntMap(1024);
    private long[] keys = new long[1024];
    private long[] counts = new long[1024];
    private int size;
    /** Arrays shorter than this are not counted by length (it rises when the pairs overflow). */
    private long minLength = MIN_LENGTH;
    /** Every array of {@link #MIN_LENGTH} elements or more, listed or not. */
    private long arrays;

    /** An array of {@code length} ≥ {@link #MIN_LENGTH} elements of the class in {@code classSlot}. */
    void add(int classSlot, int length) {
        arrays++;
        if (length >= minLength) count(key(classSlot, length), 1);
    }

    /** Adds a counter of another part of the dump whose class slots {@code slotOf} maps to this counter's. */
    void addAll(LongArrayCounter other, IntUnaryOperator slotOf) {
        arrays += other.arrays;
        if (other.minLength > minLength) {
            minLength = other.minLength;
            keepFromMinLength();
        }
        for (int i = 0; i < other.size; i++) {
            int length = other.length(i);
            if (length >= minLength) count(key(slotOf.applyAsInt(other.classSlot(i)), length), other.counts[i]);
        }
    }

    private static long key(int classSlot, int length) {
        return ((long) classSlot << 32) | length;
    }

    private void count(long key, long n) {
        int i = index.get(key);
        if (i == LongIntMap.ABSENT) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            keys[size] = key;
            counts[size] = 0;
            index.put(key, i = size++);
        }
        counts[i] += n;
        if (size > MAX_KEYS) {
            while (distinctFrom(minLength) > MAX_KEYS) minLength *= 2;
            keepFromMinLength();
        }
    }

    private long distinctFrom(long length) {
        long n = 0;
        for (int i = 0; i < size; i++) if (length(i) >= length) n++;
        return n;
    }

    /** Drops the pairs below {@link #minLength}, keeping the others in their order. */
    private void keepFromMinLength() {
        int kept = 0;
        LongIntMap fresh = new LongIntMap(Math.max(1024, size));
        for (int i = 0; i < size; i++) {
            if (length(i) < minLength) continue;
            keys[kept] = keys[i];
            counts[kept] = counts[i];
            fresh.put(keys[kept], kept);
            kept++;
        }
        size = kept;
        index = fresh;
    }

    int size() { return size; }

    int classSlot(int i) { return (int) (keys[i] >>> 32); }

    int length(int i) { return (int) keys[i]; }

    long count(int i) { return counts[i]; }

    /** The shortest length listed: {@link #MIN_LENGTH} unless the pairs overflowed. */
    long minLength() { return minLength; }

    /** Arrays of {@link #MIN_LENGTH} elements or more that are not listed (shorter than {@link #minLength()}). */
    long untracked() {
        long listed = 0;
        for (int i = 0; i < size; i++) listed += counts[i];
        return arrays - listed;
    }
}
