package org.hprofdiff.core.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Reads a dump's records into visitors, in one pass ({@link #read}) or with the heap parsed on several
 * threads ({@link #readParallel}).
 *
 * <p>Records a visitor does not need are skipped by their length. Damage is reported, not fatal: an
 * unknown top-level tag is skipped with a warning; an unknown heap sub-record or a length past its record
 * skips the rest of that record; data that ends early (a dump written at OutOfMemoryError) ends the pass
 * with {@link ReadResult#truncation()} set and every object before the cut delivered.
 *
 * <p>Files with several heap dumps (the hprof agent writes one per request, each a run of
 * HEAP_DUMP_SEGMENTs closed by HEAP_DUMP_END, or one HEAP_DUMP record each) deliver the heap content of
 * one of them, {@link Options#dumpNumber()}; strings, classes and threads are shared by all.
 *
 * <h2>Parallel reading and ordering</h2>
 * A parallel read first walks the top-level records, jumping by their lengths, and delivers every non-heap
 * record (strings, classes, frames, traces, threads) to one visitor on the calling thread, in file order;
 * only then does heap parsing start. The chosen dump's heap records (HotSpot cuts them at about 1 MiB)
 * are then parsed on {@code threads} threads, each with its own visitor from the supplier: a thread takes
 * the next unparsed record, so each visitor sees whole records, in increasing file order, each preceded by
 * {@link HprofVisitor#heapRecord}, but which records a visitor gets is not fixed. Within a record,
 * sub-records arrive in file order. The caller merges the visitors afterwards. The calling thread is one of
 * the workers; every visitor is created on the calling thread before parsing starts.
 * <p>A dump written as one HEAP_DUMP record (JDK 5/6 jmap, the hprof agent, Android) has no safe cut
 * points (sub-records carry no length, so a cut must be found by decoding everything before it): it is
 * parsed on one thread. A gzip dump cannot be read at random: {@link #readParallel} reads it sequentially
 * on the calling thread, heap content to one visitor from the supplier, everything else to the top-level
 * visitor, both in file order.
 */
public final class HprofReader {

    /**
     * @param dumpNumber      which heap dump of the file to visit, 1-based
     * @param bypassPageCache read the heap records of the parallel reads ({@link #readHeap}, {@link #readHeapInOrder})
     *                        into memory with {@code O_DIRECT} instead of through the page cache (see {@link DirectSpans}):
     *                        for a dump that does not stay in the page cache anyway, one larger than the memory beside
     *                        what the reading builds
     */
    public record Options(int dumpNumber, boolean bypassPageCache) {
        public static final Options DEFAULT = new Options(1);

        public Options {
            if (dumpNumber < 1) throw new IllegalArgumentException("dump number must be >= 1: " + dumpNumber);
        }

        /** Heap dump {@code dumpNumber}, read through the page cache. */
        public Options(int dumpNumber) {
            this(dumpNumber, false);
        }
    }

    private final HprofFile file;
    private final Options options;
    private final ReadProgress progress;

    public HprofReader(HprofFile file, Options options) {
        this(file, options, ReadProgress.NONE);
    }

    private HprofReader(HprofFile file, Options options, ReadProgress progress) {
        this.file = file;
        this.options = options;
        this.progress = progress;
    }

    public Options options() { return options; }

    /** This reader, telling {@code progress} how far each read has come (see {@link ReadProgress}). */
    public HprofReader withProgress(ReadProgress progress) {
        return new HprofReader(file, options, progress);
    }

    public HprofReader(HprofFile file) {
        this(file, Options.DEFAULT);
    }

    /** Convenience: opens, reads once, closes. */
    public static ReadResult read(Path path, HprofVisitor visitor) throws DumpFormatException, IOException {
        try (HprofFile file = HprofFile.open(path)) {
            return new HprofReader(file).read(visitor);
        }
    }

    /** One pass on the calling thread: every record to {@code visitor}, in file order. */
    public ReadResult read(HprofVisitor visitor) throws IOException {
        try (HprofInput in = file.newInput()) {
            Problems problems = new Problems();
            HeapRecordParser parser = new HeapRecordParser(in, visitor, problems);
            RecordWalker.HeapRecords parseNow = range -> {
                visitor.heapRecord(range.offset(), range.length());
                parser.parse(range.offset(), range.end());
                progress.bytesDone(range.end());
            };
            return new RecordWalker(file, in, visitor, options.dumpNumber(), parseNow, problems).walk();
        }
    }

    /**
     * Walks the top-level records (mapped files only), delivering the non-heap ones to {@code topLevel} in
     * file order, and returns where the chosen dump's heap records are, without decoding them.
     */
    public HeapPlan plan(HprofVisitor topLevel) throws IOException {
        requireRandomAccess();
        List<HeapRecordRange> ranges = new ArrayList<>();
        Problems problems = new Problems();
        try (HprofInput in = file.newInput()) {
            ReadResult walk = new RecordWalker(file, in, topLevel, options.dumpNumber(), ranges::add, problems, FarHeaders.of(file)).walk();
            return new HeapPlan(ranges, walk, problems);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Parses a plan's heap records on {@code threads} threads (mapped files only), one visitor per thread;
     * see the class comment for the ordering. Used for a second pass without walking the file again.
     */
    public <V extends HprofVisitor> ParallelRead<V> readHeap(HeapPlan plan, int threads, Supplier<V> perThread) {
        return readHeap(plan, null, () -> true, threads, perThread);
    }

    /**
     * Parses a plan's heap records (mapped files only): the first ones on the calling thread with {@code inOrder}, in
     * file order, for as long as {@code splittable} says the rest may not be split yet; the rest on {@code threads}
     * threads, one visitor from {@code perThread} each, created once the split is reached (see the class comment for
     * the ordering). A visitor that must see the start of the heap in order (the histogram's, to know the class
     * mirrors before the first object) is read this way; {@code inOrder} null means none.
     */
    public <V extends HprofVisitor> ParallelRead<V> readHeap(HeapPlan plan, HprofVisitor inOrder, BooleanSupplier splittable, int threads,
                                                             Supplier<V> perThread) {
        requireRandomAccess();
        ReadResult walk = plan.walk();
        List<Problems> parts = new ArrayList<>(List.of(plan.walkProblems));
        List<HeapRecordRange> ranges = plan.ranges();
        AtomicLong done = new AtomicLong(file.fileSize() - plan.heapBytes());
        int first = inOrder == null ? 0 : parseBeforeSplit(ranges, splittable, parts, done, () -> inOrder, () -> {});
        List<V> visitors = first == ranges.size() && inOrder != null ? List.of() // the in-order visitor took everything
                : readRanges(ranges.subList(first, ranges.size()), threads, perThread, parts, done);
        return new ParallelRead<>(merged(walk, Problems.merge(parts)), visitors);
    }

    /**
     * Parses a plan's heap records into a {@link RecordPipeline}'s buffers and commits them in file order on the
     * calling thread (mapped files only): the first records are parsed on the calling thread too, for as long as
     * the pipeline says they may not be split; the rest on {@code threads} worker threads. Returns what one
     * sequential pass would report.
     */
    public <B> ReadResult readHeapInOrder(HeapPlan plan, int threads, RecordPipeline<B> pipeline) {
        requireRandomAccess();
        List<Problems> parts = new ArrayList<>(List.of(plan.walkProblems));
        List<HeapRecordRange> ranges = plan.ranges();
        AtomicLong done = new AtomicLong(file.fileSize() - plan.heapBytes());
        List<B> buffer = new ArrayList<>(1); // made when the first record needs it
        int first = parseBeforeSplit(ranges, pipeline::splittable, parts, done, () -> {
            if (buffer.isEmpty()) buffer.add(pipeline.newBuffer());
            return pipeline.visitor(buffer.getFirst(), true);
        }, () -> pipeline.commit(buffer.getFirst()));
        List<HeapRecordRange> rest = ranges.subList(first, ranges.size());
        try (DirectSpans spans = directSpans(rest, threads)) {
            OrderedHeapWorkers.run(file, rest, spans, threads, pipeline, parts, done, progress);
        }
        return merged(plan.walk(), Problems.merge(parts));
    }

    private <V extends HprofVisitor> List<V> readRanges(List<HeapRecordRange> ranges, int threads, Supplier<V> perThread, List<Problems> parts,
                                                        AtomicLong done) {
        try (DirectSpans spans = directSpans(ranges, threads)) {
            return HeapRangeWorkers.run(file, ranges, spans, threads, perThread, parts, done, progress);
        }
    }

    /**
     * The ranges read ahead into memory with {@code O_DIRECT} when this reader bypasses the page cache (see
     * {@link Options#bypassPageCache}); null otherwise, or where direct reads are not possible. A truncated range is left
     * to the mapping, which reports where its data ends.
     */
    private DirectSpans directSpans(List<HeapRecordRange> ranges, int threads) {
        if (!options.bypassPageCache() || ranges.isEmpty()) return null;
        long[] starts = new long[ranges.size()];
        long[] ends = new long[ranges.size()];
        for (int i = 0; i < starts.length; i++) {
            HeapRecordRange r = ranges.get(i);
            starts[i] = r.offset();
            ends[i] = r.truncated() ? r.offset() : r.end();
        }
        return DirectSpans.start(file.path(), file.fileSize(), starts, ends, 2 + 2 * threads);
    }

    /**
     * Parses the first records on the calling thread, in file order, for as long as {@code splittable} says no:
     * each with the visitor {@code next} gives, {@code afterEach} once it is parsed. Returns how many; their
     * problems are added to {@code parts}.
     */
    private int parseBeforeSplit(List<HeapRecordRange> ranges, BooleanSupplier splittable, List<Problems> parts, AtomicLong done,
                                 Supplier<HprofVisitor> next, Runnable afterEach) {
        Problems problems = new Problems();
        parts.add(problems);
        HprofInput in = file.newMappedInput();
        int first = 0;
        for (; first < ranges.size() && !splittable.getAsBoolean(); first++) {
            HprofVisitor visitor = next.get();
            HeapRangeWorkers.parse(in, new HeapRecordParser(in, visitor, problems), visitor, ranges.get(first));
            afterEach.run();
            progress.bytesDone(done.addAndGet(HeapRecordRange.HEADER_BYTES + ranges.get(first).length()));
        }
        return first;
    }

    /** A plan's walk with the problems of the heap records parsed apart from it. */
    private static ReadResult merged(ReadResult walk, Problems all) {
        return new ReadResult(walk.recordCounts(), walk.unknownRecords(), walk.heapDumpCount(), walk.dumpNumber(),
                walk.heapRecordCount(), walk.truncation(), all.list(), all.dataEnd() >= 0 ? all.dataEnd() : walk.bytesRead(), walk.dumpComplete(),
                all.damagedHeapRecords());
    }

    /**
     * {@link #plan} then {@link #readHeap}: non-heap records to {@code topLevel} first, on the calling
     * thread; then the heap on {@code threads} threads. A gzip dump is read sequentially instead.
     */
    public <V extends HprofVisitor> ParallelRead<V> readParallel(int threads, HprofVisitor topLevel, Supplier<V> perThread)
            throws IOException {
        if (!file.isRandomAccess()) {
            V heap = perThread.get();
            return new ParallelRead<>(read(new SplitVisitor(topLevel, heap)), List.of(heap));
        }
        return readHeap(plan(topLevel), threads, perThread);
    }

    /**
     * Parses one heap record of a plan with {@code visitor} on the calling thread (mapped files only) and
     * returns the problems found in it. Safe to call from several threads at once.
     */
    public List<ReadResult.Problem> readRange(HeapRecordRange range, HprofVisitor visitor) {
        requireRandomAccess();
        Problems problems = new Problems();
        HprofInput in = file.newMappedInput();
        HeapRangeWorkers.parse(in, new HeapRecordParser(in, visitor, problems), visitor, range);
        return problems.list();
    }

    private void requireRandomAccess() {
        if (!file.isRandomAccess()) {
            throw new IllegalStateException(file.path() + " is " + file.source() + ": heap records cannot be read out of order");
        }
    }
}
