package org.hprofdiff.index.build;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.hprofdiff.index.BuildProgress;
import org.hprofdiff.index.ProgressCounter;
import org.hprofdiff.index.store.BlockOffsets;
import org.hprofdiff.index.store.IndexFiles;
import org.hprofdiff.index.store.IndexFormat;
import org.hprofdiff.index.store.PackedColumn;
import org.hprofdiff.index.store.ScratchFile;
import org.hprofdiff.index.table.Edges;

/**
 * The objects' inbound references: the transpose of an index's outbound edges ({@link Transpose}), in a directory
 * of their own ({@link IndexFiles#IN_OFFSETS}, three files, and {@link IndexFiles#IN_SOURCES}, each with the index's
 * file header). Only the search for a growing path's other holders reads them (index/growth/OtherHolders), so they
 * are computed on the first run that needs them and kept beside the analyses (docs/index-format.md, "Inbound
 * references"), not built with every index: that made the build a quarter slower (80 of 256 s on a 21.5 GB dump)
 * and the index 10 bytes per object larger, for a search most commands never run.
 */
public final class InboundEdges {
    private InboundEdges() {}

    /** Counts are reported every 2^20 edges. */
    private static final long PROGRESS_STEP = (1 << 20) - 1;

    /**
     * Writes the transpose of {@code outbound} ({@code objects} objects) into {@code directory}, which must exist and
     * be empty; {@code identity} goes into the files' headers. Progress: objects + 2 × edges (the count, the scatter).
     */
    public static void build(Edges outbound, long objects, byte[] identity, Path directory, int threads, BuildProgress progress)
            throws IOException {
        long edges = outbound.count();
        try (Parallel parallel = new Parallel(threads);
             ScratchFile counts = ScratchFile.create(directory.resolve(IndexFiles.TMP_COUNTS), Math.max(objects, 1) * 4)) {
            InDegrees inDegrees = count(outbound.targets(), counts.segment(), parallel, new ProgressCounter(progress, 0));
            Transpose.run(outbound.offsets(), outbound.targets(), objects, edges, inDegrees, directory, identity, parallel,
                    offsetProgress(progress, edges));
        }
    }

    /** The in-degrees, counted on every thread with atomic adds, each thread a range of the edges. */
    private static InDegrees count(PackedColumn targets, MemorySegment counters, Parallel parallel, ProgressCounter counted) throws IOException {
        InDegrees inDegrees = new InDegrees(counters);
        long edges = targets.length();
        int parts = (int) Math.max(1, Math.min(parallel.threads(), edges >>> 16));
        parallel.forEach(parts, p -> {
            long[] batch = new long[4096];
            int filled = 0;
            for (long e = Parallel.split(edges, parts, p), end = Parallel.split(edges, parts, p + 1); e < end; e++) {
                batch[filled++] = targets.get(e);
                if (filled == batch.length) {
                    inDegrees.add(batch, filled);
                    filled = 0;
                }
                if ((e & PROGRESS_STEP) == PROGRESS_STEP) counted.add(PROGRESS_STEP + 1);
            }
            inDegrees.add(batch, filled);
        });
        return inDegrees;
    }

    /** The transpose reports objects then edges from 0; after the count it goes on from there. */
    private static BuildProgress offsetProgress(BuildProgress progress, long counted) {
        return new BuildProgress() {
            @Override public void advance(long done) { progress.advance(counted + done); }
            @Override public void note(String line) { progress.note(line); }
        };
    }

    /**
     * Maps the transpose stored in {@code directory} for an index whose outbound edges are {@code outbound}; an
     * IOException naming the file when it is not whole (a later run then computes it again).
     */
    public static Edges open(Path directory, Edges outbound, long objects, Arena arena) throws IOException {
        long edges = outbound.count();
        int width = outbound.targets().width();
        Path sourcesFile = directory.resolve(IndexFiles.IN_SOURCES);
        MemorySegment sources;
        try (FileChannel ch = FileChannel.open(sourcesFile, StandardOpenOption.READ)) {
            long expected = IndexFormat.HEADER_BYTES + edges * width + IndexFormat.FOOTER_BYTES;
            if (ch.size() != expected) throw new IOException(sourcesFile + ": holds " + ch.size() + " bytes; expected " + expected);
            sources = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
        }
        BlockOffsets offsets;
        try {
            offsets = BlockOffsets.map(directory, IndexFiles.IN_OFFSETS, objects + 1, arena);
        } catch (IllegalArgumentException e) {
            throw new IOException(directory.resolve(BlockOffsets.deltaFile(IndexFiles.IN_OFFSETS)) + ": " + e.getMessage());
        }
        if (offsets.get(0) != 0 || offsets.get(objects) != edges) {
            throw new IOException(directory.resolve(BlockOffsets.baseFile(IndexFiles.IN_OFFSETS)) + ": the offsets do not end at the " + edges + " edges");
        }
        return new Edges(offsets, new PackedColumn(sources, width, edges));
    }
}
