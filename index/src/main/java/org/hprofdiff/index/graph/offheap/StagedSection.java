package org.hprofdiff.index.graph.offheap;

import java.lang.foreign.MemorySegment;
import org.hprofdiff.index.graph.Workers;

/**
 * A section of a mapped output file that is filled at random (by object ordinal, in the order a search visits
 * objects): filled in native memory when the machine has room for it, then copied to the file front to back.
 * Stored straight into the mapped file, its pages are dirtied again and again while the kernel writes them back,
 * and each write-back of a mapped page flushes the TLB of every core: on a 39.8 GB dump the dominator tree's two
 * 2.6 GB columns took 46–70 s that way, against 14 s at 21.5 GB where the page cache held them. Without the room,
 * the file is filled directly.
 */
public final class StagedSection implements AutoCloseable {
    private final MemorySegment file;
    private final Scratch.Allocation memory;

    private StagedSection(MemorySegment file, Scratch.Allocation memory) {
        this.file = file;
        this.memory = memory;
    }

    /** Stages {@code file} (a slice of a mapped output file) in memory placed {@link Scratch.Placement#MEMORY_WHILE_AVAILABLE}. */
    public static StagedSection of(MemorySegment file, Scratch scratch) {
        Scratch.Allocation a = scratch.allocate(file.byteSize(), Scratch.Placement.MEMORY_WHILE_AVAILABLE);
        if (a.inMemory()) return new StagedSection(file, a);
        a.close(); // a sparse scratch file, never touched
        return new StagedSection(file, null);
    }

    /** Where the section is filled: zeroed memory, or the file itself. */
    public MemorySegment segment() {
        return memory == null ? file : memory.segment();
    }

    /** The filled section into the file, each of {@code workers}' threads a range of it. */
    public void copyToFile(Workers workers) {
        if (memory == null) return;
        long size = file.byteSize();
        int parts = workers.threads();
        workers.run(parts, part -> {
            long from = Workers.split(size, parts, part, 4096);
            long to = Workers.split(size, parts, part + 1, 4096);
            if (to > from) MemorySegment.copy(memory.segment(), from, file, from, to - from);
        });
    }

    @Override
    public void close() {
        if (memory != null) memory.close();
    }
}
