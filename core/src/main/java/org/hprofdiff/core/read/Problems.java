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
