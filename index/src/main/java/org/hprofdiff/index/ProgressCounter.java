package org.hprofdiff.index;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The running total of a phase whose work is done by several threads: each adds what it did, the sum goes to
 * {@link BuildProgress#advance}. Threads add in steps of their own (a few thousand items), so the total is read
 * and reported a few hundred times per phase, not per item.
 */
public final class ProgressCounter {
    private final AtomicLong done;
    private final BuildProgress progress;

    /** @param start work already done when the threads begin */
    public ProgressCounter(BuildProgress progress, long start) {
        this.progress = progress;
        this.done = new AtomicLong(start);
    }

    /** Adds {@code work} done by the calling thread and reports the total. */
    public void add(long work) {
        progress.advance(done.addAndGet(work));
    }
}
