package org.hprofdiff.index.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hprofdiff.core.parallel.Futures;

/** The build's worker threads: runs one task per part and waits for all, rethrowing the first failure. */
final class Parallel implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    Parallel(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "hprof-diff-index");
            t.setDaemon(true);
            return t;
        });
    }

    int threads() { return threads; }

    ExecutorService pool() { return pool; }

    interface Part {
        void run(int part) throws IOException;
    }

    /** Runs {@code part.run(0 .. parts-1)} on the pool and waits. */
    void forEach(int parts, Part part) throws IOException {
        List<Future<?>> futures = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            int p = i;
            futures.add(pool.submit(() -> {
                try {
                    part.run(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            }));
        }
        waitAll(futures);
    }

    static void waitAll(List<Future<?>> futures) throws IOException {
        Throwable first = Futures.awaitAll(futures);
        if (first != null) throw rethrow(first);
    }

    static IOException rethrow(Throwable t) {
        if (t instanceof UncheckedIOException u) return u.getCause();
        if (t instanceof IOException io) return io;
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        return new IOException(t);
    }

    /** Start of part {@code p} when {@code n} items are split into {@code parts} near-equal parts. */
    static long split(long n, int parts, int p) {
        return p * (n / parts) + Math.min(p, n % parts);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
