package org.hprofdiff.index.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hprofdiff.core.parallel.Futures;

/**
 * Threads for the passes of an analysis that split into independent ranges (per object, per edge). Part 0
 * runs on the calling thread, so it may report progress (progress listeners are called from one thread);
 * the other parts run on daemon threads. A failure in any part is rethrown once all parts have ended.
 */
public final class Workers implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    /** As many threads as the JVM has processors. */
    public static Workers forMachine() {
        return new Workers(Runtime.getRuntime().availableProcessors());
    }

    public Workers(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "hprof-diff-analysis");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() { return threads; }

    /** One part of a pass: {@code part} of {@code parts}. */
    @FunctionalInterface
    public interface Part {
        void run(int part);
    }

    /** Runs parts 0 .. threads()-1 and waits for all. */
    public void run(Part part) {
        run(threads, part);
    }

    /** Runs parts 0 .. parts-1 (part 0 on the calling thread) and waits for all. */
    public void run(int parts, Part part) {
        if (parts <= 1 || pool == null) {
            for (int p = 0; p < parts; p++) part.run(p);
            return;
        }
        List<Future<?>> others = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int mine = p;
            others.add(pool.submit(() -> part.run(mine)));
        }
        Throwable first = null;
        try {
            part.run(0);
        } catch (RuntimeException | Error e) {
            first = e;
        }
        Throwable theirs = Futures.awaitAll(others);
        if (first == null) first = theirs;
        if (first instanceof RuntimeException r) throw r;
        if (first instanceof Error e) throw e;
        if (first != null) throw new IllegalStateException(first);
    }

    /**
     * Start of part {@code p} of [0, n) split into {@code parts} near-equal parts whose starts are multiples of
     * {@code align} (a power of two), so that parts writing packed bits never share a byte.
     */
    public static long split(long n, int parts, int p, long align) {
        if (p >= parts) return n;
        long start = (long) (n * (double) p / parts) & -align;
        return Math.min(n, start);
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
