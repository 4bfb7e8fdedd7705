package org.hprofdiff.core.parallel;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for the parts of a pass that run on other threads: shared by the index build's and the analyses' worker pools. */
public final class Futures {
    private Futures() {}

    /**
     * The result of {@code future}, waiting however long it takes (the task may write into memory or a file the caller
     * lets go of next; an interrupt is kept on the thread for later). Its failure is thrown as it was: an IOException,
     * a RuntimeException or an Error as such, anything else inside an IOException.
     */
    public static <T> T awaitUninterruptibly(Future<T> future) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case IOException io -> throw io;
                        case RuntimeException r -> throw r;
                        case Error err -> throw err;
                        default -> throw new IOException(e.getCause());
                    }
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

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

    /**
     * Waits for {@code thread} to end however long it takes (it may hold memory or a mapped file the caller lets go of
     * next); an interrupt meanwhile is kept on the calling thread for later.
     */
    public static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
