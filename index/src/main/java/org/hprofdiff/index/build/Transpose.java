package org.hprofdiff.index.build;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.hprofdiff.index.BuildProgress;
import org.hprofdiff.index.store.IndexFiles;
import org.hprofdiff.index.store.IndexFormat;
import org.hprofdiff.index.store.Manifest;
import org.hprofdiff.index.store.MappedWriter;
import org.hprofdiff.index.store.PackedColumn;
import org.hprofdiff.index.store.ScratchFile;
import org.hprofdiff.index.store.SequentialWriter;

/**
 * Inbound edges as the transpose of the outbound ones, by counting sort: count each target's
 * in-degree, prefix-sum the counts into offsets, then scatter each source into its targets' slots.
 * Each thread owns a contiguous range of targets and scans all edges, so no two threads write the
 * same counter and sources come out ascending within each target (sources are scanned in order).
 * Counters are 4 bytes while the edge count fits 32 bits, else 8.
 */
final class Transpose {
    private Transpose() {}

    record Result(Manifest.FileEntry offsets, Manifest.FileEntry sources) {}

    static Result run(PackedColumn outOffsets, PackedColumn outTargets, long n, long edges, Path workDir, byte[] identity,
                      Parallel parallel, BuildProgress progress) throws IOException {
        return run(outOffsets, outTargets, n, edges, workDir, identity, parallel, progress, edges > 0xFFFF_FFFFL);
    }

    /** @param wide 8-byte counters (needed from 2^32 edges on; tests force them on small graphs) */
    static Result run(PackedColumn outOffsets, PackedColumn outTargets, long n, long edges, Path workDir, byte[] identity,
                      Parallel parallel, BuildProgress progress, boolean wide) throws IOException {
        int counterBytes = wide ? 8 : 4;
        int threads = (int) Math.max(1, Math.min(parallel.threads(), n / 1024));
        try (ScratchFile countsFile = ScratchFile.create(workDir.resolve(IndexFiles.TMP_COUNTS), n * counterBytes)) {
            Counters counters = new Counters(countsFile.segment(), wide);
            progress.phase("inbound: count", edges);
            long[] countSplit = new long[threads + 1];
            for (int t = 0; t <= threads; t++) countSplit[t] = Parallel.split(n, threads, t);
            parallel.forEach(threads, t -> {
                long lo = countSplit[t];
                long hi = countSplit[t + 1];
                for (long e = 0; e < edges; e++) {
                    long target = outTargets.get(e);
                    if (target >= lo && target < hi) counters.increment(target);
                }
            });
            progress.phase("inbound: offsets", n);
            long[] scatterSplit = new long[threads + 1];
            scatterSplit[threads] = n;
            Manifest.FileEntry offsetsEntry;
            try (SequentialWriter offsets = SequentialWriter.column(workDir.resolve(IndexFiles.IN_OFFSETS), IndexFiles.IN_OFFSETS, identity,
                    PackedColumn.widthFor(edges))) {
                long running = 0;
                int nextSplit = 1;
                for (long t = 0; t < n; t++) {
                    while (nextSplit < threads && running >= Parallel.split(edges, threads, nextSplit)) scatterSplit[nextSplit++] = t;
                    long c = counters.get(t);
                    offsets.putPacked(running);
                    counters.set(t, running);
                    running += c;
                }
                while (nextSplit < threads) scatterSplit[nextSplit++] = n;
                offsets.putPacked(running);
                if (running != edges) throw new IllegalStateException("in-degrees sum to " + running + ", not to the " + edges + " edges");
                offsetsEntry = offsets.finish();
            }
            progress.phase("inbound: scatter", edges);
            int width = outTargets.width();
            try (MappedWriter sources = new MappedWriter(workDir.resolve(IndexFiles.IN_SOURCES), IndexFiles.IN_SOURCES, identity, width,
                    edges * width)) {
                MemorySegment file = sources.file();
                parallel.forEach(threads, t -> {
                    long lo = scatterSplit[t];
                    long hi = scatterSplit[t + 1];
                    long end = outOffsets.get(0);
                    for (long src = 0; src < n; src++) {
                        long start = end;
                        end = outOffsets.get(src + 1);
                        for (long e = start; e < end; e++) {
                            long target = outTargets.get(e);
                            if (target >= lo && target < hi) {
                                long slot = counters.getAndIncrement(target);
                                PackedColumn.put(file, IndexFormat.HEADER_BYTES + slot * width, width, src);
                            }
                        }
                    }
                });
                return new Result(offsetsEntry, sources.finish());
            }
        }
    }

    /** Per-target counters in a scratch file, 4 or 8 bytes each. */
    private record Counters(MemorySegment seg, boolean wide) {
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
