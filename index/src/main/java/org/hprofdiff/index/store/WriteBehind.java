package org.hprofdiff.index.store;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two buffers for a writer that fills one while the other is written on a thread shared by every writer: a
 * write's copy into the page cache is kernel time on the thread that writes, which on the project's VM (each new
 * page-cache page is fresh memory from the host) took about half of the one-core id sort at 39.8 GB
 * ({@code copy_folio_from_iter_atomic} under {@code pwrite64}), and a store through a mapping faults each new page in
 * on the storing thread. One thread for all, so that writing behind never takes more than one core. At most one
 * write is in flight per writer; its failure is thrown by the writer's next hand-over or {@link #await}.
 */
public final class WriteBehind {
    /** What becomes of a full buffer, on the shared thread: written from its position to its limit. */
    @FunctionalInterface
    public interface Sink {
        void write(ByteBuffer full, long at) throws IOException;
    }

    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hprof-diff-write-behind");
        t.setDaemon(true);
        return t;
    });

    private final Sink sink;
    private ByteBuffer buffer;
    private ByteBuffer behind;
    private MemorySegment segment;
    private Future<?> pending;

    /** Two direct buffers of {@code bytes} bytes in {@code order}, whose full contents go to {@code sink}. */
    public WriteBehind(int bytes, ByteOrder order, Sink sink) {
        this.sink = sink;
        this.buffer = ByteBuffer.allocateDirect(bytes).order(order);
        this.behind = ByteBuffer.allocateDirect(bytes).order(order);
        this.segment = MemorySegment.ofBuffer(buffer);
    }

    /** The buffer being filled. */
    public MemorySegment segment() {
        return segment;
    }

    /**
     * Hands the first {@code length} bytes of the buffer being filled to the shared thread, for {@code at}, once the
     * write before is done; returns the other buffer, now the one to fill.
     */
    public MemorySegment handOver(int length, long at) throws IOException {
        await();
        ByteBuffer full = buffer.clear().limit(length);
        pending = THREAD.submit(() -> {
            sink.write(full, at);
            return null;
        });
        buffer = behind;
        behind = full;
        segment = MemorySegment.ofBuffer(buffer.clear());
        return segment;
    }

    /** Waits for the write in flight, if any; its failure is this call's. */
    public void await() throws IOException {
        Future<?> f = pending;
        if (f == null) return;
        pending = null;
        try {
            f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing behind", e);
        }
    }
}
