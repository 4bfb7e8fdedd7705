package org.hprofdiff.index.build;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Map;
import org.hprofdiff.index.BuildProgress;
import org.hprofdiff.index.ProgressCounter;
import org.hprofdiff.index.store.BlockOffsets;
import org.hprofdiff.index.store.IndexFiles;
import org.hprofdiff.index.store.IndexFormat;
import org.hprofdiff.index.store.Manifest;
import org.hprofdiff.index.store.MappedWriter;
import org.hprofdiff.index.store.PackedColumn;
import org.hprofdiff.index.store.ScratchFile;

/**
 * Inbound edges as the transpose of the outbound ones, by counting sort: the in-degrees (counted during
 * the second pass, {@link InDegrees}) are prefix-summed into the inbound offsets and turned into
 * per-target cursors, then each source is scattered into its targets' slots. Each thread owns a
 * contiguous range of targets (split so that each gets about as many edges) and scans all edges, so no
 * two threads write the same cursor and sources come out ascending within each target. Cursors are 4
 * bytes while the edge count fits 32 bits, else 8 (the counts are then widened, or counted again when a
 * 4-byte count overflowed).
 *
 * <p>Progress (the inbound phase's work is objects + edges): the offsets move it through the objects; the scatter,
 * each thread scanning every edge, moves it by each thread's share of the edges it scanned.
 */
final class Transpose {
    private Transpose() {}

    record Result(Map<String, Manifest.FileEntry> offsets, Manifest.FileEntry sources) {}

    /** Progress is reported every 2^20 objects or edges. */
    private static final long PROGRESS_STEP = (1 << 20) - 1;

    static Result run(BlockOffsets outOffsets, PackedColumn outTargets, long n, long edges, InDegrees inDegrees, Path workDir,
                      byte[] identity, Parallel parallel, BuildProgress progress) throws IOException {
        return run(outOffsets, outTargets, n, edges, inDegrees, workDir, identity, parallel, progress, false);
    }

    /** @param forceWide 8-byte cursors even for a small graph (tests; needed from 2^32 edges on) */
    static Result run(BlockOffsets outOffsets, PackedColumn outTargets, long n, long edges, InDegrees inDegrees, Path workDir,
                      byte[] identity, Parallel parallel, BuildProgress progress, boolean forceWide) throws IOException {
        boolean wide = forceWide || edges > 0xFFFF_FFFFL || inDegrees.overflowed();
        int threads = (int) Math.max(1, Math.min(parallel.threads(), n / 1024));
        try (ScratchFile wideFile = wide ? ScratchFile.create(workDir.resolve(IndexFiles.TMP_CURSORS), n * 8) : null) {
            Cursors cursors = wide ? new Cursors(wideFile.segment(), true) : new Cursors(inDegrees.counters(), false);
            if (inDegrees.overflowed()) { // 2^32 inbound edges into one object: counted again with 8-byte counters
                for (long e = 0; e < edges; e++) cursors.increment(outTargets.get(e));
            } else if (wide) {
                for (long t = 0; t < n; t++) cursors.set(t, inDegrees.counters().getAtIndex(ValueLayout.JAVA_INT, t) & 0xFFFF_FFFFL);
            }
            long[] split = new long[threads + 1];
            split[threads] = n;
            Map<String, Manifest.FileEntry> offsetsEntry;
            try (BlockOffsets.Writer offsets = new BlockOffsets.Writer(workDir, IndexFiles.IN_OFFSETS, identity)) {
                long running = 0;
                int nextSplit = 1;
                long nextThreshold = threads > 1 ? Parallel.split(edges, threads, 1) : Long.MAX_VALUE;
                for (long t = 0; t < n; t++) {
                    while (running >= nextThreshold) {
                        split[nextSplit++] = t;
                        nextThreshold = nextSplit < threads ? Parallel.split(edges, threads, nextSplit) : Long.MAX_VALUE;
                    }
                    long c = cursors.get(t);
                    if ((t & PROGRESS_STEP) == PROGRESS_STEP) progress.advance(t);
                    offsets.add(running);
                    cursors.set(t, running);
                    running += c;
                }
                while (nextSplit < threads) split[nextSplit++] = n;
                offsets.add(running);
                if (running != edges) throw new IllegalStateException("in-degrees sum to " + running + ", not to the " + edges + " edges");
                offsetsEntry = offsets.finish();
            }
            int width = outTargets.width();
            try (MappedWriter sources = new MappedWriter(workDir.resolve(IndexFiles.IN_SOURCES), IndexFiles.IN_SOURCES, identity, width,
                    edges * width)) {
                MemorySegment file = sources.file();
                ProgressCounter scanned = new ProgressCounter(progress, n);
                parallel.forEach(threads, t -> scatter(outOffsets, outTargets, n, split[t], split[t + 1], cursors, file, width, scanned, threads));
                return new Result(offsetsEntry, sources.finish());
            }
        }
    }

    /** Writes every edge whose target is in [lo, hi) into its target's next inbound slot; counts 1/threads of each edge scanned. */
    private static void scatter(BlockOffsets outOffsets, PackedColumn outTargets, long n, long lo, long hi, Cursors cursors,
                                MemorySegment file, int width, ProgressCounter scanned, int threads) {
        long edges = outTargets.length();
        long src = 0;
        long nextStart = n == 0 ? Long.MAX_VALUE : outOffsets.get(1);
        // one loop over all edges (not one per source): most objects have a few edges, and a long loop runs faster
        for (long e = 0; e < edges; e++) {
            if ((e & PROGRESS_STEP) == PROGRESS_STEP) scanned.add((PROGRESS_STEP + 1) / threads);
            while (e >= nextStart) {
                src++;
                nextStart = outOffsets.get(src + 1);
            }
            long target = outTargets.get(e);
            if (target >= lo && target < hi) {
                long slot = cursors.getAndIncrement(target);
                PackedColumn.put(file, IndexFormat.HEADER_BYTES + slot * width, width, src);
            }
        }
    }

    /** Per-target counters, then cursors: 4 or 8 bytes each. */
    private record Cursors(MemorySegment seg, boolean wide) {
        long get(long i) {
            return wide ? seg.getAtIndex(ValueLayout.JAVA_LONG, i) : seg.getAtIndex(ValueLayout.JAVA_INT, i) & 0xFFFF_FFFFL;
        }

        void set(long i, long v) {
            if (wide) seg.setAtIndex(ValueLayout.JAVA_LONG, i, v);
            else seg.setAtIndex(ValueLayout.JAVA_INT, i, (int) v);
        }

        void increment(long i) {
            set(i, get(i) + 1);
        }

        long getAndIncrement(long i) {
            long v = get(i);
            set(i, v + 1);
            return v;
        }
    }
}
