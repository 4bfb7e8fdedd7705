package org.hprofdiff.core.read;

import java.util.List;

/**
 * The first half of a parallel read: where the chosen heap dump's records are, found by walking the
 * top-level records (jumping by their lengths) without decoding heap content. Kept by callers that
 * parse the heap more than once (the index's second pass) so the file is not walked again.
 *
 * @param ranges the chosen dump's heap records in file order
 * @param walk   what the walk saw: record counts, heap dumps, truncation, problems in non-heap records
 */
public record HeapPlan(List<HeapRecordRange> ranges, ReadResult walk) {
    public HeapPlan {
        ranges = List.copyOf(ranges);
    }

    /** Bytes of heap records (headers included) in the plan. */
    public long heapBytes() {
        long sum = 0;
        for (HeapRecordRange r : ranges) sum += HeapRecordRange.HEADER_BYTES + r.length();
        return sum;
    }
}
