package org.hprofdiff.index.graph.offheap;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Faults fresh native arrays in on a thread of their own ({@code madvise(MADV_POPULATE_WRITE)}, Linux 5.14+), front
 * to back, while the algorithm that asked for them starts using them. The first touch of a page costs the kernel
 * clearing it, and on a virtual machine that hands freed memory back to its host, much more: measured on the
 * project's VM, 1.3 s of system time per GiB. The depth-first numbering of a 39.8 GB dump touches 10 GB of fresh
 * arrays at random on one core and spent a third of its time there ({@code clear_page} in a profile) while the
 * other core idled. Populating changes no byte (a page already present is left alone), so it may run beside the
 * writes of the array's owner. One thread for all arrays, so that populating never takes more than one core.
 */
final class Prefault {
    /** One {@code madvise} call at a time: what {@link Job#stop} may wait for before the array is unmapped. */
    static final long CHUNK = 32L << 20;
    private static final int MADV_POPULATE_WRITE = 23;
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hprof-diff-prefault");
        t.setDaemon(true);
        return t;
    });

    private Prefault() {}

    /** Starts populating {@code mapping} (a private anonymous mapping) with {@code madvise}; stop the job before unmapping it. */
    static Job start(MemorySegment mapping, MethodHandle madvise) {
        Job job = new Job(mapping, madvise);
        THREAD.execute(job::run);
        return job;
    }

    /** The populating of one mapping. */
    static final class Job {
        private final MemorySegment mapping;
        private final MethodHandle madvise;
        private boolean stopped;
        private long populated;

        private Job(MemorySegment mapping, MethodHandle madvise) {
            this.mapping = mapping;
            this.madvise = madvise;
        }

        private void run() {
            for (long at = 0; at < mapping.byteSize(); at += CHUNK) {
                // holding the lock across the call: stop() returns only once no call can touch the mapping any more
                synchronized (this) {
                    if (stopped) return;
                    long length = Math.min(CHUNK, mapping.byteSize() - at);
                    try {
                        int rc = (int) madvise.invokeExact(mapping.asSlice(at, length), length, MADV_POPULATE_WRITE);
                        if (rc != 0) return; // an older kernel (EINVAL) or no memory left to populate (ENOMEM): first touches fault as before
                    } catch (Throwable e) {
                        return;
                    }
                    populated = at + length;
                }
            }
        }

        /** No further populating once this returns: the mapping may be unmapped. */
        synchronized void stop() {
            stopped = true;
        }

        /** Bytes populated so far (tests). */
        synchronized long populated() {
            return populated;
        }
    }
}
