package org.hprofdiff.index.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A temporary mapped file for the build's intermediate arrays (ids before sorting, sort buffers,
 * edge counters). Backed by a file, not by process memory, so it can exceed RAM and the page cache
 * decides what stays resident; its blocks are reserved up front. Deleted on {@link #close}.
 */
public final class ScratchFile implements AutoCloseable {
    private final Path path;
    private final Arena arena;
    private final MemorySegment segment;

    private ScratchFile(Path path, Arena arena, MemorySegment segment) {
        this.path = path;
        this.arena = arena;
        this.segment = segment;
    }

    /** A new zero-filled scratch file of {@code bytes} bytes (at least 8, so the mapping is never empty). */
    public static ScratchFile create(Path path, long bytes) throws IOException {
        long size = Math.max(8, bytes);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            SpaceReservation.reserve(ch, path, size);
            return mapOpen(path, ch, size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /** Maps an existing file read-write as scratch (it is deleted on close). */
    public static ScratchFile adopt(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return mapOpen(path, ch, ch.size());
        }
    }

    private static ScratchFile mapOpen(Path path, FileChannel ch, long size) throws IOException {
        Arena arena = Arena.ofShared();
        try {
            return new ScratchFile(path, arena, ch.map(FileChannel.MapMode.READ_WRITE, 0, size, arena));
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    public MemorySegment segment() { return segment; }

    public Path path() { return path; }

    @Override
    public void close() throws IOException {
        arena.close();
        Files.deleteIfExists(path);
    }
}
