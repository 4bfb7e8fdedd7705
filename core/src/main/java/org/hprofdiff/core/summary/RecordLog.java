package org.hprofdiff.core.summary;

import java.util.Arrays;

/**
 * Per heap record a {@link HeapTally} parsed: where the record is, the range of instance ids in it, and
 * where the record's share of the tally's ordered lists starts (class slots it created, array gaps it
 * sampled, late mirrors, class dumps). With these, tallies of records parsed on different threads merge
 * in file order ({@link HistogramBuilder#merge}), and the loader pass re-reads only the records whose id
 * range can hold a loader object ({@link HistogramBuilder#loaderRecords}). A few longs per record (about
 * one per MiB of dump), never per object.
 */
final class RecordLog {
    private static final int OFFSET = 0, LENGTH = 1, MIN_ID = 2, MAX_ID = 3, SLOTS = 4, SAMPLES = 5, LATE_MIRRORS = 6, CLASS_DUMPS = 7;
    private static final int COLUMNS = 8;

    private long[] data = new long[COLUMNS * 64];
    private int size;

    /**
     * A record begins; the starts are the tally's list sizes at this point.
     */
    void start(long offset, long length, int slots, int samples, int lateMirrors, int classDumps) {
        if (size > 0 && offset <= get(size - 1, OFFSET)) {
            throw new IllegalStateException("heap record at byte " + offset + " after the one at byte " + get(size - 1, OFFSET)
                    + ": a tally must see its records in file order");
        }
        if ((size + 1) * COLUMNS > data.length) data = Arrays.copyOf(data, data.length * 2);
        int b = size * COLUMNS;
        data[b + OFFSET] = offset;
        data[b + LENGTH] = length;
        data[b + MIN_ID] = -1; // unsigned maximum: no instance yet
        data[b + MAX_ID] = 0;
        data[b + SLOTS] = slots;
        data[b + SAMPLES] = samples;
        data[b + LATE_MIRRORS] = lateMirrors;
        data[b + CLASS_DUMPS] = classDumps;
        size++;
    }

    /** An instance of the current record. */
    void instance(long id) {
        int b = (size - 1) * COLUMNS;
        if (Long.compareUnsigned(id, data[b + MIN_ID]) < 0) data[b + MIN_ID] = id;
        if (Long.compareUnsigned(id, data[b + MAX_ID]) > 0) data[b + MAX_ID] = id;
    }

    /** Copies record {@code r} of another log (its list starts are not carried: they index the other tally's lists). */
    void append(RecordLog other, int r) {
        start(other.offset(r), other.length(r), 0, 0, 0, 0);
        int b = (size - 1) * COLUMNS;
        data[b + MIN_ID] = other.get(r, MIN_ID);
        data[b + MAX_ID] = other.get(r, MAX_ID);
    }

    int size() { return size; }

    long offset(int r) { return get(r, OFFSET); }

    long length(int r) { return get(r, LENGTH); }

    /** Whether record {@code r} holds an instance whose id could be {@code id}. */
    boolean mayHoldInstance(int r, long id) {
        return Long.compareUnsigned(id, get(r, MIN_ID)) >= 0 && Long.compareUnsigned(id, get(r, MAX_ID)) <= 0;
    }

    /** The smallest instance id of record {@code r} (unsigned; -1, the largest, when it holds no instance). */
    long minInstanceId(int r) { return get(r, MIN_ID); }

    int slotsStart(int r) { return (int) get(r, SLOTS); }

    int samplesStart(int r) { return (int) get(r, SAMPLES); }

    int lateMirrorsStart(int r) { return (int) get(r, LATE_MIRRORS); }

    int classDumpsStart(int r) { return (int) get(r, CLASS_DUMPS); }

    private long get(int r, int column) {
        return data[r * COLUMNS + column];
    }
}
