package org.hprofdiff.core.read;

import java.util.List;

/**
 * The first half of a parallel read: where the chosen heap dump's records are, found by walking the
 * top-level records (jumping by their lengths) without decoding heap content. Kept by callers that
 * parse the heap more than once (the index's second pass) so the file is not walked again.
 */
public final class HeapPlan {
    private final List<HeapRecordRange> ranges;
    private final ReadResult walk;
    /** The walk's problems with their uncapped counts, for merging with the heap parsers' problems. */
    final Problems walkProblems;

    HeapPlan(List<HeapRecordRange> ranges, ReadResult walk, Problems walkProblems) {
        this.ranges = List.copyOf(ranges);
        this.walk = walk;
        this.walkProblems = walkProblems;
    }

    /** The chosen dump's heap records, in file order. */
    public List<HeapRecordRange> ranges() { return ranges; }

    /** What the walk saw: record counts, heap dumps, truncation, problems in non-heap records. */
    public ReadResult walk() { return walk; }

    /** Bytes of heap records (headers included) in the plan. */
    public long heapBytes() {
        long sum = 0;
        for (HeapRecordRange r : ranges) sum += HeapRecordRange.HEADER_BYTES + r.length();
        return sum;
    }
}
