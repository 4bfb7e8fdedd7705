package org.hprofdiff.core.read;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hprofdiff.core.parallel.Futures;

/**
 * Runs a {@link RecordPipeline}: records parsed on worker threads into the pipeline's buffers, committed on the
 * calling thread in file order. A worker takes a free buffer first (so it waits while the window is full), then
 * the next record; it puts the filled buffer into the record's slot of a ring the committer reads in order.
 * Records are taken in increasing order, so each worker sees its records in file order, and the record the
 * committer waits for is always held by a running worker: the window cannot deadlock.
 */
final class OrderedHeapWorkers<B> {
    private final HprofFile file;
    private final List<HeapRecordRange> ranges;
    /** The ranges read ahead into memory, or null: read through the mapping. */
    private final DirectSpans spans;
    private final RecordPipeline<B> pipeline;
    private final int window;
    private final BlockingQueue<B> free;
    /** Slot i % window holds record i once parsed (or the failure that stopped it). */
    private final List<BlockingQueue<Object>> slots = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean failed = new AtomicBoolean();
    private final AtomicLong done;
    private final ReadProgress progress;

    private record Failure(Throwable error) {}

    private OrderedHeapWorkers(HprofFile file, List<HeapRecordRange> ranges, DirectSpans spans, RecordPipeline<B> pipeline, AtomicLong done,
                               ReadProgress progress) {
        this.file = file;
        this.ranges = ranges;
        this.spans = spans;
        this.pipeline = pipeline;
        this.window = Math.max(1, pipeline.window());
        this.free = new ArrayBlockingQueue<>(window);
        this.done = done;
        this.progress = progress;
        for (int i = 0; i < window; i++) {
            free.add(pipeline.newBuffer());
            slots.add(new ArrayBlockingQueue<>(1));
        }
    }

    /**
     * Parses {@code ranges} (already past the split) on {@code threads} workers and commits them in order; each
     * worker's problems are added to {@code problems}. {@code spans}, when not null, holds range i as its item i.
     */
    static <B> void run(HprofFile file, List<HeapRecordRange> ranges, DirectSpans spans, int threads, RecordPipeline<B> pipeline,
                        List<Problems> problems, AtomicLong done, ReadProgress progress) {
        if (ranges.isEmpty()) return;
        new OrderedHeapWorkers<>(file, ranges, spans, pipeline, done, progress).run(Math.max(1, threads), problems);
    }

    private void run(int threads, List<Problems> problems) {
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Problems mine = new Problems();
            problems.add(mine);
            workers.add(Thread.ofPlatform().name("hprof-record-" + w).daemon().start(() -> work(mine)));
        }
        Throwable error = null;
        try {
            for (int i = 0; i < ranges.size() && error == null; i++) {
                Object filled = take(slots.get(i % window));
                if (filled == null) {
                    error = new IllegalStateException("interrupted while waiting for heap record " + i);
                } else if (filled instanceof Failure f) {
                    error = f.error;
                } else {
                    @SuppressWarnings("unchecked") B buffer = (B) filled;
                    pipeline.commit(buffer);
                    free.add(buffer);
                }
            }
        } catch (RuntimeException | Error e) {
            error = e;
        } finally {
            if (error != null) failed.set(true);
            stop(workers);
        }
        if (error instanceof RuntimeException r) throw r;
        if (error instanceof Error e) throw e;
    }

    private void work(Problems problems) {
        HprofInput in = file.newMappedInput();
        while (!failed.get()) {
            B buffer = take(free);
            if (buffer == null) return; // interrupted: the run is over
            int i = next.getAndIncrement();
            if (i >= ranges.size() || failed.get()) {
                free.add(buffer);
                return;
            }
            HeapRecordRange range = ranges.get(i);
            Object result;
            try {
                HprofVisitor visitor = pipeline.visitor(buffer, false);
                HeapRangeWorkers.parse(in, spans, i, new HeapRecordParser(in, visitor, problems), visitor, range);
                result = buffer;
            } catch (Throwable e) {
                result = new Failure(e);
            }
            slots.get(i % window).add(result);
            if (result instanceof Failure) return;
            progress.bytesDone(done.addAndGet(HeapRecordRange.HEADER_BYTES + range.length()));
        }
    }

    /** The next element, or null when the thread was interrupted. */
    private static <T> T take(BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Lets every worker end (they may wait for a buffer) and waits for them: they hold the mapped file. */
    private static void stop(List<Thread> workers) {
        for (Thread t : workers) {
            t.interrupt();
            Futures.joinUninterruptibly(t);
        }
    }
}
