package org.hprofdiff.index.graph.offheap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.hprofdiff.index.store.MachineMemory;

/**
 * Where the analyses put their temporary per-node and per-edge arrays: never on the Java heap. Native
 * memory up to a budget, then files in a directory, mapped and deleted at once (the kernel keeps the pages
 * until they are unmapped, so nothing is left behind even after kill -9, and the page cache writes them out
 * when memory is short: a dump's analysis may need more than the machine's RAM, and there may be no swap).
 * Each allocation has its own arena so a phase can give its arrays back early; {@link #close()} releases
 * whatever is still held.
 *
 * <p>Large native arrays given back are kept mapped and handed out again (zeroed by a memset) to later
 * requests that fit, instead of being unmapped and mapped anew: the kernel must fault in and zero every page
 * of a fresh mapping, and on a virtual machine that returns freed memory to its host the first touch of a page
 * costs far more. Measured on the project's VM: 1.3 s of system time per GiB touched for the first time, 0.05 s
 * to clear a GiB already mapped. The dominator tree asks for about 50 bytes per object over its phases but
 * holds 29 at most, so reuse saves touching the difference.
 */
public final class Scratch implements AutoCloseable {
    private final Path directory; // null: everything in memory
    private final long memoryBudget;
    private final Map<Arena, MemorySegment> inMemory = new HashMap<>();
    /** The scratch files of the open allocations in files, closed (and so deleted) when their allocation is. */
    private final Map<Arena, FileChannel> files = new HashMap<>();
    private final Deque<Arena> open = new ArrayDeque<>();
    /** Mapped native arrays given back, ready for reuse; their bytes count in {@link #pooledBytes}, not in use. */
    private final List<Pooled> pool = new ArrayList<>();
    /** Sparse arrays in use ({@link #allocateSparse}): unmapped when given back, their untouched pages never reused. */
    private final Set<Arena> notPooled = new HashSet<>();
    private long memoryInUse;
    private long pooledBytes;
    private long counter;

    private record Pooled(Arena arena, MemorySegment segment) {}

    private final LongSupplier available;
    /**
     * What {@link Placement#MEMORY_WHILE_AVAILABLE} leaves the machine: an eighth of its memory, at least 1 GiB, for
     * the page cache of the files a phase streams and for everything else running.
     */
    private final long reserve;

    private Scratch(Path directory, long memoryBudget, LongSupplier available, long reserve) {
        this.directory = directory;
        this.memoryBudget = memoryBudget;
        this.available = available;
        this.reserve = reserve;
    }

    private Scratch(Path directory, long memoryBudget) {
        this(directory, memoryBudget, MachineMemory::available, Math.max(1L << 30, MachineMemory.total() / 8));
    }

    /** Tests: the machine's available memory as {@code available} tells it, and {@code reserve} kept free. */
    static Scratch withAvailableMemory(Path directory, long memoryBudget, LongSupplier available, long reserve) {
        return new Scratch(directory, memoryBudget, available, reserve);
    }

    /** Where an array goes. */
    public enum Placement {
        /** Native memory while the arrays held stay within the budget, else a mapped file. */
        BUDGET,
        /**
         * A mapped file whenever there is a directory, whatever the budget: for arrays read and written front to back,
         * which the page cache serves about as well as memory, so that the budget stays for the arrays read at random.
         */
        FILE,
        /**
         * Native memory within the budget, and beyond it too while the machine would still have the scratch's reserve
         * available afterwards: for an array written or read at random in a phase that streams everything else, so
         * needs little page cache. In a mapped file such an array makes the kernel write pages back as fast as they
         * are dirtied (the dominator tree's predecessor lists on a 39.8 GB dump, 5.7 GB: 113–152 s, against 22 s in
         * memory at 21.5 GB).
         */
        MEMORY_WHILE_AVAILABLE
    }

    /** Temporary arrays in native memory only (tests, small graphs). */
    public static Scratch inMemory() {
        return new Scratch(null, Long.MAX_VALUE);
    }

    /** Temporary arrays in mapped files under {@code directory}, which must exist. */
    public static Scratch inDirectory(Path directory) {
        return new Scratch(existing(directory), 0, () -> -1, 0); // no memory past the budget either
    }

    /**
     * Temporary arrays in native memory while those held stay within {@code memoryBudget} bytes, in mapped
     * files under {@code directory} beyond. Native memory is faster (no write-back, huge pages).
     */
    public static Scratch preferMemory(Path directory, long memoryBudget) {
        return new Scratch(existing(directory), memoryBudget);
    }

    private static Path existing(Path directory) {
        if (!Files.isDirectory(directory)) throw new IllegalArgumentException(directory + " is not a directory");
        return directory;
    }

    /** A zeroed segment of {@code bytes} bytes, 8-byte aligned, within the budget ({@link Placement#BUDGET}). */
    public Allocation allocate(long bytes) {
        return allocate(bytes, Placement.BUDGET);
    }

    /** A zeroed segment, 8-byte aligned, placed as {@code placement} says. */
    public Allocation allocate(long bytes, Placement placement) {
        return allocate(bytes, placement, false);
    }

    /**
     * A zeroed segment for an array a computation touches at a few places (one object's path in a per-object memo):
     * within the budget, a mapping of its own whose pages come only when first touched, 4 KiB at a time; never a
     * pooled array, which would be cleared whole first, and never pooled afterwards. On a 39.8 GB dump the memo of one
     * suspect's path, 5.2 GB populated ahead and with huge pages, cost 3.5–4 s of a 6.6–6.9 s `suspects` run.
     */
    public Allocation allocateSparse(long bytes) {
        return allocate(bytes, Placement.BUDGET, true);
    }

    private synchronized Allocation allocate(long bytes, Placement placement, boolean sparse) {
        boolean memory = directory == null || switch (placement) {
            case FILE -> false;
            // a pooled array that fits is memory the machine already gave: reusing it past the budget costs nothing more
            // (39.8 GB dump: the class retained sizes' 2.5 GB went to a file beside 5.5 GB pooled: 17.5 s, against 7.1 s reused)
            case BUDGET -> memoryInUse + bytes <= memoryBudget || pooledFits(bytes);
            case MEMORY_WHILE_AVAILABLE -> memoryInUse + bytes <= memoryBudget || fitsAvailable(bytes);
        };
        if (memory && !sparse) {
            Pooled reused = takePooled(bytes);
            if (reused != null) {
                MemorySegment segment = reused.segment().asSlice(0, bytes).fill((byte) 0);
                inMemory.put(reused.arena(), reused.segment());
                memoryInUse += reused.segment().byteSize();
                open.push(reused.arena());
                return new Allocation(this, reused.arena(), segment, null);
            }
        }
        if (memory) {
            while (!pool.isEmpty() && memoryInUse + pooledBytes + bytes > memoryBudget) unmap(pool.removeLast());
        }
        Arena arena = Arena.ofShared();
        FileChannel file = null;
        try {
            file = memory ? null : createTemporary(bytes);
            MemorySegment segment = memory ? NativeMemory.allocate(arena, bytes, sparse) : map(file, arena, bytes);
            if (memory) {
                inMemory.put(arena, segment);
                memoryInUse += bytes;
                if (sparse) notPooled.add(arena);
            }
            if (file != null) files.put(arena, file);
            open.push(arena);
            return new Allocation(this, arena, segment, file);
        } catch (RuntimeException | Error e) {
            arena.close();
            closeQuietly(file);
            throw e;
        }
    }

    /** Whether {@code bytes} more, less what the pool already holds mapped, leave the reserve available. */
    private boolean fitsAvailable(long bytes) {
        long now = available.getAsLong();
        return now >= 0 && bytes - pooledBytes + reserve <= now;
    }

    private boolean pooledFits(long bytes) {
        for (Pooled p : pool) if (p.segment().byteSize() >= bytes) return true;
        return false;
    }

    /** The smallest pooled array of at least {@code bytes} bytes, taken out of the pool; null if none. */
    private Pooled takePooled(long bytes) {
        int best = -1;
        for (int i = 0; i < pool.size(); i++) {
            long size = pool.get(i).segment().byteSize();
            if (size >= bytes && (best < 0 || size < pool.get(best).segment().byteSize())) best = i;
        }
        if (best < 0) return null;
        Pooled p = pool.remove(best);
        pooledBytes -= p.segment().byteSize();
        return p;
    }

    private void unmap(Pooled p) {
        pooledBytes -= p.segment().byteSize();
        p.arena().close();
    }

    /** Bytes of the arrays kept mapped for reuse (tests). */
    synchronized long pooledBytes() {
        return pooledBytes;
    }

    /** Bytes of native memory the allocations still open hold. */
    public synchronized long memoryInUse() {
        return memoryInUse;
    }

    public NodeArray nodes(long length, boolean wide) {
        return nodes(length, wide, Placement.BUDGET);
    }

    /** Node numbers, placed as {@code placement} says. */
    public NodeArray nodes(long length, boolean wide, Placement placement) {
        Allocation a = allocate(length * (wide ? Long.BYTES : Integer.BYTES), placement);
        return NodeArray.over(a.segment(), length, wide, a);
    }

    /** Native memory the temporary arrays may hold before they go to files (unbounded without a directory). */
    public long memoryBudget() {
        return directory == null ? Long.MAX_VALUE : memoryBudget;
    }

    public LongArray longs(long length) {
        return longs(length, Placement.BUDGET);
    }

    /** Longs, placed as {@code placement} says. */
    public LongArray longs(long length, Placement placement) {
        Allocation a = allocate(length * Long.BYTES, placement);
        return new LongArray(a.segment(), length, a);
    }

    public Bits bits(long length) {
        Allocation a = allocate(((length + 63) >>> 6) * Long.BYTES);
        return new Bits(a.segment(), length, a);
    }

    /** Node numbers touched at a few places ({@link #allocateSparse}). */
    public NodeArray sparseNodes(long length, boolean wide) {
        Allocation a = allocateSparse(length * (wide ? Long.BYTES : Integer.BYTES));
        return NodeArray.over(a.segment(), length, wide, a);
    }

    /** Bits touched at a few places ({@link #allocateSparse}). */
    public Bits sparseBits(long length) {
        Allocation a = allocateSparse(((length + 63) >>> 6) * Long.BYTES);
        return new Bits(a.segment(), length, a);
    }

    /**
     * A sparse scratch file of {@code bytes} bytes (pages appear zeroed when first touched), open until its
     * allocation is released: its channel is how {@link OrderedFill} writes an array without faulting its pages in.
     * Opened to be deleted on close, which on Linux removes its name at once (the channel and the mapping keep the
     * file): a crash leaves nothing behind.
     */
    private FileChannel createTemporary(long bytes) {
        Path file = directory.resolve("scratch-" + ProcessHandle.current().pid() + "-" + (counter++) + ".tmp");
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            ch.write(java.nio.ByteBuffer.wrap(new byte[1]), Math.max(bytes, 8) - 1);
            return ch;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("cannot create scratch file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException ignored) {
            // a scratch file: nothing was to be kept
        }
    }

    private static MemorySegment map(FileChannel file, Arena arena, long bytes) {
        try {
            return file.map(FileChannel.MapMode.READ_WRITE, 0, Math.max(bytes, 8), arena);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map a scratch file of " + bytes + " bytes: " + e.getMessage(), e);
        }
    }

    synchronized void release(Arena arena) {
        if (!open.remove(arena)) return;
        MemorySegment segment = inMemory.remove(arena);
        if (segment == null) {
            arena.close();
            closeQuietly(files.remove(arena));
            return;
        }
        memoryInUse -= segment.byteSize();
        boolean sparse = notPooled.remove(arena);
        if (segment.byteSize() >= NativeMemory.WORTH_MAPPING && !sparse) {
            pool.add(new Pooled(arena, segment));
            pooledBytes += segment.byteSize();
        } else {
            arena.close();
        }
    }

    /**
     * Unmaps the arrays kept for reuse: at the end of a computation, so that the memory they hold goes back to the
     * page cache the next one reads the index through (after the dominator tree, up to 11 GB on a 39.8 GB dump).
     */
    public synchronized void releaseUnused() {
        while (!pool.isEmpty()) unmap(pool.removeLast());
    }

    @Override
    public synchronized void close() {
        while (!open.isEmpty()) release(open.peek());
        releaseUnused();
    }

    /**
     * One allocation; closing it gives the memory back before the whole scratch is closed.
     *
     * @param file the scratch file the segment maps, open until the allocation is closed; null for native memory
     */
    public record Allocation(Scratch owner, Arena arena, MemorySegment segment, FileChannel file) implements AutoCloseable {
        /** Whether the segment is native memory (false: a mapped file). */
        public boolean inMemory() {
            return file == null;
        }

        @Override
        public void close() {
            owner.release(arena);
        }
    }
}
