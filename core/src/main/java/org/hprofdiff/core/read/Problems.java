package org.hprofdiff.core.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects problems found while reading, keeping the first {@link #MAX_KEPT} and counting the rest, and
 * counting the heap records whose content was cut short by a problem (what makes results partial).
 */
final class Problems {
    static final int MAX_KEPT = 100;
    private final List<ReadResult.Problem> kept = new ArrayList<>();
    private long dropped;
    private long damagedHeapRecords;
    /** Where the data ended inside a heap record parsed apart from the walk (a truncated dump), or -1. */
    private long dataEnd = -1;

    void add(long offset, String message) {
        if (kept.size() < MAX_KEPT) kept.add(new ReadResult.Problem(offset, message));
        else dropped++;
    }

    /** A problem that cost the rest of a heap record. */
    void addHeapDamage(long offset, String message) {
        damagedHeapRecords++;
        add(offset, ReadResult.SKIPPED_HEAP_DATA + message);
    }

    long damagedHeapRecords() { return damagedHeapRecords; }

    /** The data ended at {@code position} while a heap record was parsed (the walk's own end is where it stopped reading). */
    void dataEnded(long position) {
        dataEnd = Math.max(dataEnd, position);
    }

    /** Where the data ended in a heap record parsed apart from the walk, or -1. */
    long dataEnd() { return dataEnd; }

    /**
     * Merges collectors (the walk's and each parallel worker's) into one that keeps the problems nearest the
     * start of the file, as one sequential pass would have.
     */
    static Problems merge(List<Problems> parts) {
        Problems merged = new Problems();
        List<ReadResult.Problem> all = new ArrayList<>();
        for (Problems p : parts) {
            all.addAll(p.kept);
            merged.dropped += p.dropped;
            merged.damagedHeapRecords += p.damagedHeapRecords;
            merged.dataEnd = Math.max(merged.dataEnd, p.dataEnd);
        }
        all.sort(Comparator.comparingLong(ReadResult.Problem::offset));
        for (ReadResult.Problem p : all) merged.add(p.offset(), p.message());
        return merged;
    }

    /** The kept problems in file order, and a last line counting the dropped ones. */
    List<ReadResult.Problem> list() {
        List<ReadResult.Problem> all = new ArrayList<>(kept);
        all.sort(Comparator.comparingLong(ReadResult.Problem::offset));
        if (dropped > 0) all.add(new ReadResult.Problem(-1, "... and " + dropped + " more problems"));
        return List.copyOf(all);
    }
}
