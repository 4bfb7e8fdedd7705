package org.hprofdiff.index.graph.offheap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import org.hprofdiff.index.graph.Workers;

/**
 * A section of a mapped output file that is filled at random (by object ordinal, in the order a search visits
 * objects): filled in native memory when the machine has room for it, then written to the file front to back
 * through the file's channel. Stored straight into the mapped file, its pages are dirtied again and again while
 * the kernel writes them back, and each write-back of a mapped page flushes the TLB of every core: on a 39.8 GB
 * dump the dominator tree's two 2.6 GB columns took 46–70 s that way, against 14 s at 21.5 GB where the page cache
 * held them. Copied in through the mapping, the copy itself faults in every page of the file and later write-back
 * flushes the TLBs again (the two columns: about 14 s of mostly kernel time at 39.8 GB); written through the channel,
 * no page of the section is mapped in this process. Without the room, the file is filled directly.
 */
public final class StagedSection implements AutoCloseable {
    /** Bytes written per call: a buffer view of native memory is limited to 2 GB. */
    private static final long CHUNK = 64L << 20;
    private final OutputFile file;
    private final MemorySegment section;
    /** Where the section starts in the file. */
    private final long position;
    private final Scratch.Allocation memory;

    private StagedSection(OutputFile file, MemorySegment section, long position, Scratch.Allocation memory) {
        this.file = file;
        this.section = section;
        this.position = position;
        this.memory = memory;
    }

    /**
     * Stages {@code section} (a slice of {@code file}'s mapping) in memory placed
     * {@link Scratch.Placement#MEMORY_WHILE_AVAILABLE}.
     */
    public static StagedSection of(OutputFile file, MemorySegment section, Scratch scratch) {
        long position = file.positionOf(section); // a slice of that file, or refused before any memory is taken
        Scratch.Allocation a = scratch.allocate(section.byteSize(), Scratch.Placement.MEMORY_WHILE_AVAILABLE);
        if (a.inMemory()) return new StagedSection(file, section, position, a);
        a.close(); // a sparse scratch file, never touched
        return new StagedSection(file, section, position, null);
    }

    /** Where the section is filled: zeroed memory, or the file itself. */
    public MemorySegment segment() {
        return memory == null ? section : memory.segment();
    }

    /** The filled section into the file, each of {@code workers}' threads a range of it. */
    public void copyToFile(Workers workers) throws IOException {
        if (memory == null) return;
        long size = section.byteSize();
        int parts = workers.threads();
        try {
            workers.run(parts, part -> {
                long from = Workers.split(size, parts, part, 4096);
                long to = Workers.split(size, parts, part + 1, 4096);
                for (long at = from; at < to; at += CHUNK) {
                    ByteBuffer chunk = memory.segment().asSlice(at, Math.min(CHUNK, to - at)).asByteBuffer();
                    try {
                        while (chunk.hasRemaining()) file.channel().write(chunk, position + at + chunk.position());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        if (memory != null) memory.close();
    }
}
