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

/**
 * Where the analyses put their temporary per-node and per-edge arrays: never on the Java heap. Either
 * anonymous native memory, or files in a directory, mapped and deleted at once (the kernel keeps the
 * pages until they are unmapped, so nothing is left behind even after kill -9, and the page cache may
 * write them out when memory is short). Each allocation has its own arena so a phase can give its
 * arrays back early; {@link #close()} releases whatever is still held.
 */
public final class Scratch implements AutoCloseable {
    private final Path directory; // null: anonymous memory
    private final Deque<Arena> open = new ArrayDeque<>();
    private long counter;

    private Scratch(Path directory) {
        this.directory = directory;
    }

    /** Temporary arrays in native memory (tests, small graphs, or when RAM is plentiful). */
    public static Scratch inMemory() {
        return new Scratch(null);
    }

    /** Temporary arrays in mapped files under {@code directory}, which must exist. */
    public static Scratch inDirectory(Path directory) {
        if (!Files.isDirectory(directory)) throw new IllegalArgumentException(directory + " is not a directory");
        return new Scratch(directory);
    }

    /** A zeroed segment of {@code bytes} bytes, 8-byte aligned. */
    public synchronized Allocation allocate(long bytes) {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment segment = directory == null ? NativeMemory.allocate(arena, bytes) : mapTemporary(arena, bytes);
            open.push(arena);
            return new Allocation(this, arena, segment);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
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
            ch.truncate(0);
            ch.position(size - 1);
            ch.write(java.nio.ByteBuffer.wrap(new byte[1])); // sparse: pages appear zeroed when first touched
            return ch.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create scratch file " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void release(Arena arena) {
        if (open.remove(arena)) arena.close();
    }

    @Override
    public synchronized void close() {
        while (!open.isEmpty()) open.pop().close();
    }

    /** One allocation; closing it gives the memory back before the whole scratch is closed. */
    public record Allocation(Scratch owner, Arena arena, MemorySegment segment) implements AutoCloseable {
        @Override
        public void close() {
            owner.release(arena);
        }
    }
}
