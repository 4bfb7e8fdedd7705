package org.hprofdiff.core.read;

import java.util.List;

/**
 * The outcome of a parallel read: the merged {@link ReadResult} and the per-thread heap visitors, for the
 * caller to merge. Visitors that were never given a range are included (they saw only the header).
 */
public record ParallelRead<V extends HprofVisitor>(ReadResult result, List<V> visitors) {
    public ParallelRead {
        visitors = List.copyOf(visitors);
    }
}
