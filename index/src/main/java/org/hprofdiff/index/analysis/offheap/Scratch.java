package org.hprofdiff.index.analysis.offheap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the analyses put their temporary per-node and per-edge arrays: never on the Java heap. Native
 * memory up to a budget, then files in a directory, mapped and deleted at once (the kernel keeps the pages
 * until they are unmapped, so nothing is left behind even after kill -9, and the page cache writes them out
 * when memory is short: a dump's analysis may need more than the machine's RAM, and there may be no swap).
 * Each allocation has its own arena so a phase can give its arrays back early; {@link #close()} releases
 * whatever is still held.
 */
public final class Scratch implements AutoCloseable {
    private final Path directory; // null: everything in memory
    private final long memoryBudget;
    private final Map<Arena, Long> inMemory = new HashMap<>();
    private final Deque<Arena> open = new ArrayDeque<>();
    private long memoryInUse;
    private long counter;

    private Scratch(Path directory, long memoryBudget) {
        this.directory = directory;
        this.memoryBudget = memoryBudget;
    }

    /** Temporary arrays in native memory only (tests, small graphs). */
    public static Scratch inMemory() {
        return new Scratch(null, Long.MAX_VALUE);
    }

    /** Temporary arrays in mapped files under {@code directory}, which must exist. */
    public static Scratch inDirectory(Path directory) {
        return preferMemory(directory, 0);
    }

    /**
     * Temporary arrays in native memory while those held stay within {@code memoryBudget} bytes, in mapped
     * files under {@code directory} beyond. Native memory is faster (no write-back, huge pages).
     */
    public static Scratch preferMemory(Path directory, long memoryBudget) {
        if (!Files.isDirectory(directory)) throw new IllegalArgumentException(directory + " is not a directory");
        return new Scratch(directory, memoryBudget);
    }

    /** A zeroed segment of {@code bytes} bytes, 8-byte aligned. */
    public synchronized Allocation allocate(long bytes) {
        Arena arena = Arena.ofShared();
        try {
            boolean memory = directory == null || memoryInUse + bytes <= memoryBudget;
            MemorySegment segment = memory ? NativeMemory.allocate(arena, bytes) : mapTemporary(arena, bytes);
            if (memory) {
                inMemory.put(arena, bytes);
                memoryInUse += bytes;
            }
            open.push(arena);
            return new Allocation(this, arena, segment);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    /** Bytes of native memory the allocations still open hold. */
    public synchronized long memoryInUse() {
        return memoryInUse;
    }

    public NodeArray nodes(long length, boolean wide) {
        Allocation a = allocate(length * (wide ? Long.BYTES : Integer.BYTES));
        return NodeArray.over(a.segment(), length, wide, a);
    }

    public LongArray longs(long length) {
        Allocation a = allocate(length * Long.BYTES);
        return new LongArray(a.segment(), length, a);
    }

    public Bits bits(long length) {
        Allocation a = allocate(((length + 63) >>> 6) * Long.BYTES);
        return new Bits(a.segment(), length, a);
    }

    private MemorySegment mapTemporary(Arena arena, long bytes) {
        Path file = directory.resolve("scratch-" + ProcessHandle.current().pid() + "-" + (counter++) + ".tmp");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE)) {
            long size = Math.max(bytes, 8);
            ch.position(size - 1);
            ch.write(java.nio.ByteBuffer.wrap(new byte[1])); // sparse: pages appear zeroed when first touched
            return ch.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create scratch file " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void release(Arena arena) {
        if (open.remove(arena)) {
            memoryInUse -= inMemory.getOrDefault(arena, 0L);
            inMemory.remove(arena);
            arena.close();
        }
    }

    @Override
    public synchronized void close() {
        while (!open.isEmpty()) release(open.peek());
    }

    /** One allocation; closing it gives the memory back before the whole scratch is closed. */
    public record Allocation(Scratch owner, Arena arena, MemorySegment segment) implements AutoCloseable {
        @Override
        public void close() {
            owner.release(arena);
        }
    }
}
