package org.hprofdiff.core.read;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.hprofdiff.core.parallel.Futures;

/**
 * Parses heap records of a mapped dump on several threads. Each thread has its own input, parser, problem
 * list and visitor, and takes the next unparsed record from a shared counter, so threads stay busy while
 * record sizes vary and each visitor sees its records in increasing file order.
 */
final class HeapRangeWorkers {
    private HeapRangeWorkers() {}

    /** Runs the workers; their problem lists are added to {@code problems}. */
    static <V extends HprofVisitor> List<V> run(HprofFile file, List<HeapRecordRange> ranges, DirectSpans spans, int threads,
                                                Supplier<V> perThread, List<Problems> problems, AtomicLong done, ReadProgress progress) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
        List<V> visitors = new ArrayList<>(threads);
        List<Problems> workerProblems = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            V v = perThread.get();
            v.header(file.header());
            visitors.add(v);
            workerProblems.add(new Problems());
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Throwable[] errors = new Throwable[threads];
        List<Thread> started = new ArrayList<>();
        for (int i = 1; i < threads; i++) {
            int w = i;
            started.add(Thread.ofPlatform().name("hprof-heap-" + w).start(
                    () -> work(file, ranges, spans, next, failed, visitors.get(w), workerProblems.get(w), errors, w, done, progress)));
        }
        work(file, ranges, spans, next, failed, visitors.get(0), workerProblems.get(0), errors, 0, done, progress);
        for (Thread t : started) Futures.joinUninterruptibly(t); // the workers hold the mapped file
        for (Throwable e : errors) {
            if (e instanceof RuntimeException r) throw r;
            if (e instanceof Error err) throw err;
        }
        problems.addAll(workerProblems);
        return visitors;
    }

    private static void work(HprofFile file, List<HeapRecordRange> ranges, DirectSpans spans, AtomicInteger next, AtomicBoolean failed,
                             HprofVisitor visitor, Problems problems, Throwable[] errors, int worker, AtomicLong done, ReadProgress progress) {
        try {
            HprofInput in = file.newMappedInput();
            HeapRecordParser parser = new HeapRecordParser(in, visitor, problems);
            int i;
            while (!failed.get() && (i = next.getAndIncrement()) < ranges.size()) {
                HeapRecordRange range = ranges.get(i);
                parse(in, spans, i, parser, visitor, range);
                progress.bytesDone(done.addAndGet(HeapRecordRange.HEADER_BYTES + range.length()));
            }
        } catch (Throwable e) {
            failed.set(true);
            errors[worker] = e;
        }
    }

    /**
     * Parses range {@code item} of {@code spans} from the bytes read ahead for it, or through the mapping when they were
     * not (or {@code spans} is null), and releases it.
     */
    static void parse(HprofInput in, DirectSpans spans, int item, HeapRecordParser parser, HprofVisitor visitor, HeapRecordRange range) {
        if (spans == null) {
            parse(in, parser, visitor, range);
            return;
        }
        try {
            in.view(spans.acquire(item));
            parse(in, parser, visitor, range);
        } finally {
            in.view(null);
            spans.release(item);
        }
    }

    /** Parses one record; the end of the data is expected only in the record the walk found truncated. */
    static void parse(HprofInput in, HeapRecordParser parser, HprofVisitor visitor, HeapRecordRange range) {
        in.seek(range.bodyStart());
        visitor.heapRecord(range.offset(), range.length());
        try {
            parser.parse(range.offset(), range.end());
        } catch (EndOfDataException e) {
            if (!range.truncated()) throw new IllegalStateException("data ended inside " + range + ", which the walk found complete", e);
            parser.problems().dataEnded(in.position()); // as far as a sequential pass gets
        }
    }
}
