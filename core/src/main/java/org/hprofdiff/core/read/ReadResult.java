package org.hprofdiff.core.read;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hprofdiff.core.format.RecordTag;

/**
 * What a pass over a dump saw besides the visitor's callbacks.
 *
 * @param recordCounts       top-level records by tag
 * @param unknownRecords     top-level records with undefined tags (skipped by their length)
 * @param heapDumpCount      heap dumps in the file (more than one for hprof-agent files); a dump is a HEAP_DUMP
 *                           record or a run of HEAP_DUMP_SEGMENTs closed by HEAP_DUMP_END
 * @param dumpNumber         the heap dump that was asked for (1-based); see {@link #dumpFound()}
 * @param heapRecordCount    HEAP_DUMP / HEAP_DUMP_SEGMENT records of the chosen dump
 * @param truncation         where the data ended early, if it did (also when a segmented dump misses its
 *                           HEAP_DUMP_END, which is how a file cut at a record boundary shows)
 * @param problems           problems that skipped part of the dump but let reading go on, in file order (capped)
 * @param bytesRead          dump bytes (uncompressed) covered by the pass
 * @param dumpComplete       the chosen dump was found and its data did not end early
 * @param damagedHeapRecords heap records of the chosen dump whose rest was skipped (unknown or corrupt sub-record)
 */
public record ReadResult(Map<RecordTag, Long> recordCounts, long unknownRecords, int heapDumpCount, int dumpNumber,
                         long heapRecordCount, Optional<Problem> truncation, List<Problem> problems, long bytesRead,
                         boolean dumpComplete, long damagedHeapRecords) {

    public ReadResult {
        recordCounts = Map.copyOf(recordCounts);
        problems = List.copyOf(problems);
    }

    /** A problem at a byte offset: the message says what was found and what was expected. */
    public record Problem(long offset, String message) {
        @Override
        public String toString() { return offset < 0 ? message : "byte " + offset + ": " + message; }
    }

    /** Whether the file holds the heap dump that was asked for. */
    public boolean dumpFound() { return dumpNumber <= heapDumpCount; }

    /** Whether the chosen dump's objects are not all there: truncated, damaged, or the dump is missing. */
    public boolean isPartial() { return !dumpComplete || damagedHeapRecords > 0; }

    /** Records of one tag. */
    public long count(RecordTag tag) { return recordCounts.getOrDefault(tag, 0L); }

    /** Prefix of problems that cost heap data (as opposed to a skipped unknown top-level record). */
    public static final String SKIPPED_HEAP_DATA = "heap data skipped: ";
}
