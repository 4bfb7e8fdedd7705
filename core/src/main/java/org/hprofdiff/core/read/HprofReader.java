package org.hprofdiff.core.read;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.hprofdiff.core.format.RecordTag;

/**
 * Streams a dump's records to a visitor in one pass. Records the visitor does not need are skipped
 * by their length. Damage is reported, not fatal: an unknown top-level tag is skipped with a warning;
 * an unknown heap sub-record or a length past its record skips the rest of that record; data that ends
 * early (a dump written at OutOfMemoryError) ends the pass with {@link ReadResult#truncation()} set
 * and everything before it delivered.
 *
 * <p>Files with several heap dumps (the hprof agent writes one per request, each a run of
 * HEAP_DUMP_SEGMENTs closed by HEAP_DUMP_END, or one HEAP_DUMP record each) deliver the heap content of
 * one of them, {@link Options#dumpNumber()}; strings, classes and threads are shared by all.
 */
public final class HprofReader {

    /** @param dumpNumber which heap dump of the file to visit, 1-based */
    public record Options(int dumpNumber) {
        public static final Options DEFAULT = new Options(1);

        public Options {
            if (dumpNumber < 1) throw new IllegalArgumentException("dump number must be >= 1: " + dumpNumber);
        }
    }

    private final HprofFile file;
    private final Options options;

    public HprofReader(HprofFile file, Options options) {
        this.file = file;
        this.options = options;
    }

    public HprofReader(HprofFile file) {
        this(file, Options.DEFAULT);
    }

    /** Convenience: opens, reads once, closes. */
    public static ReadResult read(java.nio.file.Path path, HprofVisitor visitor) throws DumpFormatException, IOException {
        try (HprofFile file = HprofFile.open(path)) {
            return new HprofReader(file).read(visitor);
        }
    }

    public ReadResult read(HprofVisitor visitor) throws IOException {
        return new Pass(visitor).run();
    }

    /** State of one pass. */
    private final class Pass {
        private final HprofVisitor visitor;
        private final HprofInput in;
        private final Problems problems = new Problems();
        private final HeapRecordParser heapParser;
        private final Map<RecordTag, long[]> counts = new EnumMap<>(RecordTag.class);
        private final long knownEnd;
        private long unknownRecords;
        private int dumpsSeen;
        private boolean segmentedDumpOpen;
        private long heapRecordsVisited;
        private ReadResult.Problem truncation;

        Pass(HprofVisitor visitor) throws IOException {
            this.visitor = visitor;
            this.in = file.newInput();
            this.heapParser = new HeapRecordParser(in, visitor, problems);
            this.knownEnd = file.isRandomAccess() ? file.fileSize() : Long.MAX_VALUE;
        }

        ReadResult run() {
            visitor.header(file.header());
            try {
                while (!in.atEnd()) {
                    if (!record()) break;
                }
            } catch (EndOfDataException e) {
                truncation = new ReadResult.Problem(e.offset, "the dump ends here, " + e.needed + " bytes short of the record in progress (truncated file)");
            }
            Map<RecordTag, Long> recordCounts = new EnumMap<>(RecordTag.class);
            counts.forEach((t, c) -> recordCounts.put(t, c[0]));
            return new ReadResult(recordCounts, unknownRecords, dumpsSeen, options.dumpNumber(), heapRecordsVisited,
                    Optional.ofNullable(truncation), problems.list(), in.position());
        }

        /** Reads one top-level record; false ends the pass. */
        private boolean record() {
            long start = in.position();
            in.require(9);
            int code = in.u1();
            in.skip(4); // microseconds since the header's timestamp
            long length = in.u4Unsigned();
            long bodyStart = in.position();
            long end = bodyStart + length;
            RecordTag tag = RecordTag.of(code);
            if (tag == null) {
                unknownRecords++;
                problems.add(start, String.format("unknown record tag 0x%02x (%d bytes) skipped; expected a tag defined by hprof 1.0.x", code, length));
                if (end > knownEnd) return truncated(start, tag, code, length);
                in.seek(end);
                return true;
            }
            counts.computeIfAbsent(tag, t -> new long[1])[0]++;
            if (tag.isHeapData()) return heapRecord(tag, start, end, length);
            if (end > knownEnd) return truncated(start, tag, code, length);
            in.require(length);
            switch (tag) {
                case STRING -> {
                    if (visitor.wantsStrings()) {
                        long id = in.id();
                        visitor.string(id, in, in.position(), (int) (end - in.position()));
                    }
                }
                case LOAD_CLASS -> {
                    int serial = in.u4();
                    long classId = in.id();
                    int stackSerial = in.u4();
                    visitor.loadClass(serial, classId, stackSerial, in.id());
                }
                case STACK_FRAME -> {
                    long frameId = in.id();
                    long method = in.id();
                    long signature = in.id();
                    long source = in.id();
                    int classSerial = in.u4();
                    visitor.stackFrame(frameId, method, signature, source, classSerial, in.u4());
                }
                case STACK_TRACE -> {
                    int serial = in.u4();
                    int thread = in.u4();
                    int frames = in.u4();
                    if (frames < 0 || 12L + (long) frames * in.idSize() > length) {
                        problems.add(start, "stack trace " + serial + " declares " + frames + " frames, more than its " + length + " bytes hold; skipped");
                    } else {
                        long[] ids = new long[frames];
                        for (int i = 0; i < frames; i++) ids[i] = in.id();
                        visitor.stackTrace(serial, thread, ids);
                    }
                }
                case START_THREAD -> {
                    int serial = in.u4();
                    long threadId = in.id();
                    int stack = in.u4();
                    long name = in.id();
                    long group = in.id();
                    visitor.startThread(serial, threadId, stack, name, group, in.id());
                }
                case HEAP_DUMP_END -> segmentedDumpOpen = false;
                default -> { } // records that carry nothing for heap analysis
            }
            in.seek(end);
            return true;
        }

        private boolean heapRecord(RecordTag tag, long start, long end, long length) {
            if (tag == RecordTag.HEAP_DUMP || !segmentedDumpOpen) dumpsSeen++;
            segmentedDumpOpen = tag == RecordTag.HEAP_DUMP_SEGMENT;
            boolean wanted = dumpsSeen == options.dumpNumber();
            long available = Math.min(end, knownEnd);
            if (wanted) {
                heapRecordsVisited++;
                visitor.heapRecord(start, length);
                heapParser.parse(start, available);
            } else if (available < end) {
                in.seek(available);
            } else {
                in.seek(end);
            }
            if (available < end) return truncated(start, tag, tag.code, length);
            return true;
        }

        private boolean truncated(long start, RecordTag tag, int code, long length) {
            String name = tag != null ? tag.name() : String.format("0x%02x", code);
            truncation = new ReadResult.Problem(knownEnd, String.format(
                    "the file ends here, inside the %s record at byte %d that declares %d bytes (truncated file; %d bytes missing)",
                    name, start, length, start + 9 + length - knownEnd));
            return false;
        }
    }
}
