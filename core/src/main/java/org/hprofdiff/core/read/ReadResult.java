package org.hprofdiff.core.read;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hprofdiff.core.format.RecordTag;

/**
 * What a pass over a dump saw besides the visitor's callbacks.
 *
 * @param recordCounts      top-level records by tag
 * @param unknownRecords    top-level records with undefined tags (skipped by their length)
 * @param heapDumpCount     heap dumps in the file (more than one for hprof-agent files)
 * @param dumpNumber        the heap dump that was visited (1-based)
 * @param heapRecordCount   HEAP_DUMP / HEAP_DUMP_SEGMENT records of the visited dump
 * @param truncation        where the data ended early, if it did: results are partial
 * @param problems          problems that skipped part of the dump but let reading go on, in file order (capped)
 * @param bytesRead         dump bytes (uncompressed) covered by the pass
 */
public record ReadResult(Map<RecordTag, Long> recordCounts, long unknownRecords, int heapDumpCount, int dumpNumber,
                         long heapRecordCount, Optional<Problem> truncation, List<Problem> problems, long bytesRead) {

    /** A problem at a byte offset: {@code expected} says what should have been there. */
    public record Problem(long offset, String message) {
        @Override
        public String toString() { return "byte " + offset + ": " + message; }
    }

    public boolean isPartial() {
        return truncation.isPresent() || problems.stream().anyMatch(p -> p.message.startsWith(SKIPPED_HEAP_DATA));
    }

    /** Prefix of problems that cost heap data (as opposed to a skipped unknown top-level record). */
    public static final String SKIPPED_HEAP_DATA = "heap data skipped: ";
}
