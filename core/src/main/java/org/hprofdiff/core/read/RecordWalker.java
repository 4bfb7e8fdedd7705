package org.hprofdiff.core.read;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.hprofdiff.core.format.RecordTag;

/**
 * Walks a dump's top-level records in file order: decodes the non-heap ones for a visitor, hands each heap
 * record of the chosen dump to a {@link HeapRecords} (which parses it now or notes it for later), and skips
 * everything else by its length. Counts records and heap dumps, and turns the end of the data inside a
 * record into the truncation warning. One walker per pass.
 */
final class RecordWalker {

    /** What to do with a heap record of the chosen dump; the walker moves to the record's end afterwards. */
    interface HeapRecords {
        void accept(HeapRecordRange range);
    }

    /** The chosen dump: not met yet, being read, read to its end, or cut short by the end of the data. */
    private enum DumpState { NOT_SEEN, OPEN, CLOSED, CUT }

    private final HprofFile file;
    private final HprofInput in;
    private final HprofVisitor visitor;
    private final int wantedDump;
    private final HeapRecords heapRecords;
    private final Problems problems;
    private final Map<RecordTag, long[]> counts = new EnumMap<>(RecordTag.class);
    private final long knownEnd;
    /** Null: every header through {@link #in}. */
    private final FarHeaders farHeaders;
    /** The end of what this walk last read through {@link #in}: headers far past it are read by {@link #farHeaders}. */
    private long readUpTo;
    private long unknownRecords;
    private int dumpsSeen;
    private boolean segmentedDumpOpen;
    private long openDumpStart = -1;
    private DumpState chosen = DumpState.NOT_SEEN;
    private long heapRecordsOfChosen;
    private ReadResult.Problem truncation;
    // the record being read, for the truncation message
    private long recordStart;
    private int recordCode;
    private long recordLength = -1;

    RecordWalker(HprofFile file, HprofInput in, HprofVisitor visitor, int wantedDump, HeapRecords heapRecords, Problems problems) {
        this(file, in, visitor, wantedDump, heapRecords, problems, null);
    }

    /** A walk that leaves heap records for later, reading the headers it jumps to with {@code farHeaders}. */
    RecordWalker(HprofFile file, HprofInput in, HprofVisitor visitor, int wantedDump, HeapRecords heapRecords, Problems problems,
                 FarHeaders farHeaders) {
        this.farHeaders = farHeaders;
        this.file = file;
        this.in = in;
        this.visitor = visitor;
        this.wantedDump = wantedDump;
        this.heapRecords = heapRecords;
        this.problems = problems;
        this.knownEnd = file.isRandomAccess() ? file.fileSize() : Long.MAX_VALUE;
    }

    ReadResult walk() {
        visitor.header(file.header());
        try {
            while (!in.atEnd()) record();
            if (segmentedDumpOpen) missingDumpEnd();
        } catch (EndOfDataException e) {
            String why = in.streamProblem() == null ? "" : " (the compressed data ends early: " + in.streamProblem() + ")";
            truncation = new ReadResult.Problem(e.offset, truncationMessage(e.offset) + why);
            if (chosen == DumpState.OPEN) chosen = DumpState.CUT;
        }
        Map<RecordTag, Long> recordCounts = new EnumMap<>(RecordTag.class);
        counts.forEach((t, c) -> recordCounts.put(t, c[0]));
        return new ReadResult(recordCounts, unknownRecords, dumpsSeen, wantedDump, heapRecordsOfChosen,
                Optional.ofNullable(truncation), problems.list(), in.position(), chosen == DumpState.CLOSED,
                problems.damagedHeapRecords());
    }

    /** Reads one top-level record and leaves the input at its end. */
    private void record() {
        long start = in.position();
        recordStart = start;
        recordLength = -1;
        in.require(HeapRecordRange.HEADER_BYTES);
        ByteBuffer far = farHeaders != null && start - readUpTo > FarHeaders.FAR ? farHeaders.at(start) : null;
        int code;
        long length;
        if (far != null) {
            code = far.get(0) & 0xFF;
            length = far.getInt(5) & 0xFFFF_FFFFL;
        } else {
            code = in.u1At(start);
            length = in.u4At(start + 5) & 0xFFFF_FFFFL; // after the tag and the u4 time since the header's timestamp
            readUpTo = start + HeapRecordRange.HEADER_BYTES;
        }
        recordCode = code;
        recordLength = length;
        long end = start + HeapRecordRange.HEADER_BYTES + length;
        in.seek(start + HeapRecordRange.HEADER_BYTES);
        RecordTag tag = RecordTag.of(code);
        if (tag == null) {
            unknownRecords++;
            problems.add(start, String.format("unknown record tag 0x%02x at byte %d (%d bytes) skipped; expected a tag defined by hprof 1.0.x",
                    code, start, length));
        } else {
            counts.computeIfAbsent(tag, t -> new long[1])[0]++;
            if (tag.isHeapData()) heapRecord(tag, start, length, end);
            else if (tag == RecordTag.HEAP_DUMP_END) dumpEnd();
            else nonHeapRecord(tag, start, length);
        }
        in.seek(end);
        if (tag == RecordTag.HEAP_DUMP && chosen == DumpState.OPEN) chosen = DumpState.CLOSED; // a whole dump, read to its end
    }

    private void heapRecord(RecordTag tag, long start, long length, long end) {
        if (tag == RecordTag.HEAP_DUMP || !segmentedDumpOpen) {
            dumpEnd();
            dumpsSeen++;
            openDumpStart = start;
            if (dumpsSeen == wantedDump) chosen = DumpState.OPEN;
        }
        segmentedDumpOpen = tag == RecordTag.HEAP_DUMP_SEGMENT;
        if (chosen == DumpState.OPEN) {
            heapRecordsOfChosen++;
            heapRecords.accept(new HeapRecordRange(start, length, end > knownEnd));
        }
    }

    /** HEAP_DUMP_END, or the start of the next dump: the dump in progress is over. */
    private void dumpEnd() {
        segmentedDumpOpen = false;
        if (chosen == DumpState.OPEN) chosen = DumpState.CLOSED;
    }

    private void missingDumpEnd() {
        long at = in.position();
        truncation = new ReadResult.Problem(at, "the data ends at byte " + at + " before the HEAP_DUMP_END record that closes the heap dump "
                + "starting at byte " + openDumpStart + " (truncated file at a record boundary?); results are partial");
        if (chosen == DumpState.OPEN) chosen = DumpState.CUT;
    }

    private void nonHeapRecord(RecordTag tag, long start, long length) {
        int idSize = in.idSize();
        long minimum = switch (tag) {
            case STRING -> idSize;
            case LOAD_CLASS -> 8 + 2L * idSize;
            case STACK_FRAME -> 8 + 4L * idSize;
            case STACK_TRACE -> 12;
            case START_THREAD -> 8 + 4L * idSize;
            default -> 0; // records that carry nothing for heap analysis are skipped undecoded
        };
        if (minimum == 0) return;
        if (length < minimum) {
            problems.add(start, tag + " record at byte " + start + " declares " + length + " bytes; expected at least " + minimum + "; skipped");
            return;
        }
        long p = start + HeapRecordRange.HEADER_BYTES;
        readUpTo = p + length;
        switch (tag) {
            case STRING -> {
                if (!visitor.wantsStrings()) return;
                in.require(length);
                visitor.string(in.idAt(p), in, p + idSize, (int) Math.min(length - idSize, Integer.MAX_VALUE));
            }
            case LOAD_CLASS -> {
                in.require(minimum);
                visitor.loadClass(in.u4At(p), in.idAt(p + 4), in.u4At(p + 4 + idSize), in.idAt(p + 8 + idSize));
            }
            case STACK_FRAME -> {
                in.require(minimum);
                visitor.stackFrame(in.idAt(p), in.idAt(p + idSize), in.idAt(p + 2L * idSize), in.idAt(p + 3L * idSize),
                        in.u4At(p + 4L * idSize), in.u4At(p + 4L * idSize + 4));
            }
            case STACK_TRACE -> {
                in.require(12);
                int serial = in.u4At(p);
                int thread = in.u4At(p + 4);
                long frames = in.u4At(p + 8) & 0xFFFF_FFFFL;
                if (12 + frames * idSize > length) {
                    problems.add(start, "STACK_TRACE record at byte " + start + " declares " + frames + " frames, more than its "
                            + length + " bytes hold; skipped");
                    return;
                }
                in.require(12 + frames * idSize);
                long[] ids = new long[(int) frames];
                for (int i = 0; i < ids.length; i++) ids[i] = in.idAt(p + 12 + (long) i * idSize);
                visitor.stackTrace(serial, thread, ids);
            }
            case START_THREAD -> {
                in.require(minimum);
                visitor.startThread(in.u4At(p), in.idAt(p + 4), in.u4At(p + 4 + idSize), in.idAt(p + 8 + idSize),
                        in.idAt(p + 8 + 2L * idSize), in.idAt(p + 8 + 3L * idSize));
            }
            default -> throw new AssertionError(tag);
        }
    }

    private String truncationMessage(long dataEnd) {
        if (recordLength < 0) {
            return "the data ends at byte " + dataEnd + ", inside the 9-byte header of the record at byte " + recordStart
                    + " (truncated file); results are partial";
        }
        RecordTag tag = RecordTag.of(recordCode);
        String name = tag != null ? tag.name() : String.format("0x%02x", recordCode);
        long declaredEnd = recordStart + HeapRecordRange.HEADER_BYTES + recordLength;
        return "the data ends at byte " + dataEnd + ", inside the " + name + " record at byte " + recordStart + " that declares "
                + recordLength + " bytes (truncated file, " + (declaredEnd - dataEnd) + " bytes missing); results are partial";
    }
}
