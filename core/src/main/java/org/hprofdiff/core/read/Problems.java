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

    /** Adds another collector's problems (a parallel worker's); {@link #list()} sorts by offset. */
    void addAll(Problems other) {
        for (ReadResult.Problem p : other.kept) add(p.offset(), p.message());
        dropped += other.dropped;
        damagedHeapRecords += other.damagedHeapRecords;
    }

    /** The kept problems in file order, and a last line counting the dropped ones. */
    List<ReadResult.Problem> list() {
        List<ReadResult.Problem> all = new ArrayList<>(kept);
        all.sort(Comparator.comparingLong(ReadResult.Problem::offset));
        if (dropped > 0) all.add(new ReadResult.Problem(-1, "... and " + dropped + " more problems"));
        return List.copyOf(all);
    }
}
