package org.hprofdiff.core.summary;

/**
 * Open-addressing map from a long key (an object or class id) to a non-negative int (a row index),
 * without boxing: the histogram looks up the class of every object through one of these, so a probe
 * must cost a multiply and a few array reads. Linear probing over a power-of-two table kept at most
 * half full; ids are addresses whose low bits are zero, so keys are mixed before indexing.
 */
final class LongIntMap {
    static final int ABSENT = -1;
    private static final long EMPTY = 0; // ids are never 0 (0 is the null reference), so 0 marks a free slot

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;
    private boolean hasZeroKey;
    private int zeroKeyValue;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    int size() { return size + (hasZeroKey ? 1 : 0); }

    int get(long key) {
        if (key == EMPTY) return hasZeroKey ? zeroKeyValue : ABSENT;
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) return values[i];
            if (k == EMPTY) return ABSENT;
            i = (i + 1) & mask;
        }
    }

    /** Sets the value for a key; {@code value} must be non-negative. */
    void put(long key, int value) {
        if (key == EMPTY) {
            hasZeroKey = true;
            zeroKeyValue = value;
            return;
        }
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                values[i] = value;
                return;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) grow();
                return;
            }
            i = (i + 1) & mask;
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
            if (oldKeys[i] != EMPTY) put(oldKeys[i], oldValues[i]);
        }
    }
}
