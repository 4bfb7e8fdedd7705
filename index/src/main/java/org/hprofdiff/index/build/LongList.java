package org.hprofdiff.index.build;

import java.util.Arrays;

/** A growable list of longs, for per-class or per-unit data (never per object). */
final class LongList {
    private long[] values = new long[16];
    private int size;

    void add(long v) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
    }

    long get(int i) {
        if (i >= size) throw new IndexOutOfBoundsException(i);
        return values[i];
    }

    int size() { return size; }

    long[] toArray() { return Arrays.copyOf(values, size); }
}
