package org.hprofdiff.core.collect;

/**
 * Open-addressing map from a long key (an object or class id) to a non-negative int (a row index),
 * without boxing: the histogram looks up the class of every object through one of these, so a probe
 * must cost a multiply and a few array reads. Linear probing over a power-of-two table kept at most
 * half full; ids are addresses whose low bits are zero, so keys are mixed before indexing. Reads are
 * safe from several threads once writing has finished (the index's second pass relies on that).
 */
public final class LongIntMap {
    public static final int ABSENT = -1;
    private static final long EMPTY = 0; // ids are never 0 (0 is the null reference), so 0 marks a free slot

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;
    private boolean hasZeroKey;
    private int zeroKeyValue;

    public LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    public int size() { return size + (hasZeroKey ? 1 : 0); }

    /** The value for {@code key}, or {@link #ABSENT}. */
    public int get(long key) {
        if (key == EMPTY) return hasZeroKey ? zeroKeyValue : ABSENT;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) return values[i];
            if (k == EMPTY) return ABSENT;
        }
    }

    public boolean contains(long key) { return get(key) != ABSENT; }

    /** Sets the value for a key; {@code value} must be non-negative. */
    public void put(long key, int value) {
        insert(key, value, true);
    }

    /** Puts unless present; returns the value now mapped. */
    public int putIfAbsent(long key, int value) {
        return insert(key, value, false);
    }

    /** The keys, in no particular order. */
    public long[] keys() {
        long[] out = new long[size()];
        int n = 0;
        if (hasZeroKey) out[n++] = EMPTY;
        for (long k : keys) if (k != EMPTY) out[n++] = k;
        return out;
    }

    private int insert(long key, int value, boolean replace) {
        if (key == EMPTY) {
            if (replace || !hasZeroKey) zeroKeyValue = value;
            hasZeroKey = true;
            return zeroKeyValue;
        }
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                if (replace) values[i] = value;
                return values[i];
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) grow();
                return value;
            }
        }
    }

    private int slot(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) insert(oldKeys[i], oldValues[i], true);
        }
    }
}
