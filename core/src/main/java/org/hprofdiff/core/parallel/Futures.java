package org.hprofdiff.core.parallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for the parts of a pass that run on other threads: shared by the index build's and the analyses' worker pools. */
public final class Futures {
    private Futures() {}

    /**
     * Waits for every one of {@code futures}, even after one failed (no part may still write into memory that the
     * caller is about to free), and returns the first failure's cause, or null when all succeeded. An interrupt is
     * kept on the thread and counts as a failure.
     */
    public static Throwable awaitAll(Iterable<? extends Future<?>> futures) {
        Throwable first = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) first = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (first == null) first = e;
            }
        }
        return first;
    }
}
