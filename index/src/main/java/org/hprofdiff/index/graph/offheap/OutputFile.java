package org.hprofdiff.index.graph.offheap;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A new file of a given size, mapped read-write, with the channel it was mapped through: what the analyses store
 * (the dominator tree, the shortest paths) is written through the mapping where it is small or scattered, and
 * through the channel where a section filled in memory is copied in whole ({@link StagedSection}). The mapping
 * lives as long as its arena; {@link #close()} closes the channel only.
 */
public record OutputFile(FileChannel channel, MemorySegment mapping) implements AutoCloseable {

    /** Creates (or truncates) {@code path} to {@code size} bytes, all zero, and maps it in {@code arena}. */
    public static OutputFile create(Path path, long size, Arena arena) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
            return new OutputFile(ch, ch.map(FileChannel.MapMode.READ_WRITE, 0, size, arena));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Where {@code slice}, a slice of the mapping, starts in the file. */
    public long positionOf(MemorySegment slice) {
        long at = slice.address() - mapping.address();
        if (at < 0 || at + slice.byteSize() > mapping.byteSize()) throw new IllegalArgumentException("not a slice of this file's mapping");
        return at;
    }

    /** Everything written, through the mapping or the channel, on the disk. */
    public void force() throws IOException {
        mapping.force();
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
