package org.hprofdiff.testdata.scenarios.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plugin host's fixed pool of {@value #THREADS} long-lived daemon threads, {@code plugin-worker-1..4},
 * all started with the host (so their context class loader is the application loader).
 */
final class PluginWorkers {

    /** Threads in the pool. */
    static final int THREADS = 4;
    static final String NAME_PREFIX = "plugin-worker-";

    private final ThreadPoolExecutor pool;

    private PluginWorkers(ThreadPoolExecutor pool) {
        this.pool = pool;
    }

    static PluginWorkers start() {
        AtomicInteger created = new AtomicInteger();
        ThreadFactory named = work -> {
            Thread thread = new Thread(work, NAME_PREFIX + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), named);
        pool.prestartAllCoreThreads();
        return new PluginWorkers(pool);
    }

    /**
     * Runs {@code action} once on each thread of the pool: every task waits at a barrier for all the
     * others, so no thread can take two of them. Returns when every thread has let go of its task.
     */
    void runOnEach(Runnable action) throws InterruptedException {
        CyclicBarrier allTaken = new CyclicBarrier(THREADS);
        List<Future<?>> done = new ArrayList<>(THREADS);
        for (int i = 0; i < THREADS; i++) {
            done.add(pool.submit(() -> {
                try {
                    allTaken.await();
                } catch (BrokenBarrierException e) {
                    throw new IllegalStateException(e);
                }
                action.run();
                return null;
            }));
        }
        for (Future<?> task : done) {
            try {
                task.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a plugin worker failed", e.getCause());
            }
        }
        // A future is done slightly before its thread lets go of the task (and of the plugin it calls).
        while (pool.getCompletedTaskCount() < pool.getTaskCount()) {
            Thread.sleep(1);
        }
    }
}
