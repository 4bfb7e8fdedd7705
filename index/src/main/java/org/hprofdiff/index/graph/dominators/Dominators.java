package org.hprofdiff.index.graph.dominators;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.hprofdiff.index.graph.NodeFilter;
import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.PhaseListener;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.Workers;
import org.hprofdiff.index.graph.offheap.NodeArray;
import org.hprofdiff.index.graph.offheap.OutputFile;
import org.hprofdiff.index.graph.offheap.PackedArray;
import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * Computes a dump's dominator tree and retained sizes and stores them in one file
 * (docs/semantics.md, sections 5 to 8; the file: {@link DominatorFile}). Temporary arrays come from a
 * {@link Scratch}; the Java heap holds only per-class counters. The depth-first numbering and semi-NCA are
 * sequential by nature; the passes around them (predecessor lists, sizes, class sums, the stored columns)
 * run on every core.
 */
public final class Dominators {
    private Dominators() {}

    /**
     * @param references      which references retain (default {@link References#STRONG})
     * @param keepUnreachable put unreachable objects in the tree under the virtual root, as MAT's option does
     */
    public record Options(References references, boolean keepUnreachable) {
        public static final Options DEFAULT = new Options(References.STRONG, false);
    }

    /**
     * Knobs of the stored form that tests turn to reach the paths big dumps take.
     *
     * @param wide        eight-byte node numbers in the scratch arrays and the file (as past 4 billion objects)
     * @param durable     false skips the fsync before the rename (tests that write thousands of tiny trees)
     * @param listBudget  at most this many children (of objects other than the virtual root) are listed
     * @param unitsLimit  retained sizes above this many units go to the overflow table
     * @param threads     threads for the passes that split
     */
    record Tuning(boolean wide, boolean durable, long listBudget, long unitsLimit, int threads) {
        static final long MAX_UNITS = DominatorFile.RETAINED_OVERFLOW - 1;

        /** Children listed: one per 32 objects (under half a byte per object), and any tree of a million objects in full. */
        static Tuning forGraph(ObjectGraph graph) {
            return new Tuning(false, true, Math.max(graph.nodeCount() / 32, 1 << 20), MAX_UNITS, Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * Told, as soon as the depth-first numbering is done (a third of the computation), which objects are strongly
     * reachable: what the shortest paths need before they can start, so they can run beside the rest of the tree
     * (see {@code HeapAnalysis}). The filter answers only during the call.
     */
    @FunctionalInterface
    public interface Numbered {
        Numbered NONE = stronglyReachable -> false;

        /** Returns whether work now runs beside the tree on a core of its own (the tree's passes then take one less). */
        boolean numbered(NodeFilter stronglyReachable);
    }

    public static DominatorTree compute(ObjectGraph graph, Options options, Path file, Scratch scratch,
                                        PhaseListener listener) throws IOException {
        return compute(graph, options, file, scratch, listener, Numbered.NONE);
    }

    /** As {@link #compute(ObjectGraph, Options, Path, Scratch, PhaseListener)}, telling {@code numbered} what is reachable early. */
    public static DominatorTree compute(ObjectGraph graph, Options options, Path file, Scratch scratch,
                                        PhaseListener listener, Numbered numbered) throws IOException {
        return compute(graph, options, file, scratch, listener, Tuning.forGraph(graph), numbered);
    }

    /** Tests: {@code wide} forces eight-byte node numbers, {@code durable} false skips the fsync. */
    static DominatorTree compute(ObjectGraph graph, Options options, Path file, Scratch scratch, PhaseListener listener,
                                 boolean wide, boolean durable) throws IOException {
        Tuning t = Tuning.forGraph(graph);
        return compute(graph, options, file, scratch, listener, new Tuning(wide, durable, t.listBudget(), t.unitsLimit(), t.threads()), Numbered.NONE);
    }

    static DominatorTree compute(ObjectGraph graph, Options options, Path file, Scratch scratch, PhaseListener listener,
                                 Tuning tuning, Numbered numbered) throws IOException {
        long n = graph.nodeCount();
        boolean wide = tuning.wide() || NodeArray.needsWide(n + 1);
        boolean wideOffsets = wide || NodeArray.needsWide(graph.firstEdge(n));
        boolean sequentialInFiles = peakScratch(n, graph.firstEdge(n), wide) > scratch.memoryBudget();
        Steps steps = new Steps(listener, n);
        try (Workers workers = new Workers(tuning.threads());
             PreorderNumbering num = new PreorderNumbering(graph, options.references(), scratch, wide, wideOffsets, sequentialInFiles,
                     count -> steps.within(Step.NUMBERING, (double) count / Math.max(1, n)))) {
            num.run(options.keepUnreachable());
            long count = num.count;
            steps.done(Step.NUMBERING);
            boolean besides = numbered.numbered(node -> {
                long pre = num.numbers.pre(node);
                return pre != 0 && num.rangeOf(pre) == 0;
            });

            int listThreads = Math.max(1, workers.threads() - (besides ? 1 : 0));
            PredecessorLists preds = PredecessorLists.build(graph, options.references(), num, scratch, wide, wideOffsets, workers,
                    listThreads, () -> steps.within(Step.PREDECESSORS, 0.3));
            num.numbers.close(); // what the search kept per object is in the lists now
            steps.done(Step.PREDECESSORS);
            SemiNca.computeInPlace(num.parent, preds, num.rootPredecessor, count, scratch, wide,
                    done -> steps.within(Step.SEMI_NCA, (double) done / count));
            num.rootPredecessor.close();
            steps.done(Step.SEMI_NCA);

            long[] rangeEnds = {num.endStrong, num.endWeak, count};
            try (PreorderTree tree = PreorderTree.accumulate(graph, num.parent, num.vertex, count, rangeEnds, wide, scratch, workers)) {
                steps.done(Step.RETAINED);
                long[] classRetained = tree.classRetained(graph.classCount(), scratch, workers);
                steps.done(Step.CLASS_RETAINED);
                PreorderTree.ListPlan plan = tree.plan(tuning.listBudget(), tuning.unitsLimit(), workers);
                steps.done(Step.PLAN);
                int nodeWidth = wide ? 8 : PackedArray.widthFor(n + 1);
                DominatorFile layout = new DominatorFile(new DominatorFile.Shape(n, graph.classCount(), count - 1, nodeWidth,
                        tree.sizeShift, plan.overflow(), plan.parents() + 1, plan.children() + plan.rootChildren(), plan.threshold()));
                return store(file, layout, tuning.durable(), output -> {
                    MemorySegment out = output.mapping();
                    try (TreeFileWriter writer = new TreeFileWriter(num, tree, plan, layout, output, workers, scratch)) {
                        ReachabilitySummary summary = writer.writeColumns(tuning.unitsLimit());
                        steps.done(Step.COLUMNS);
                        writer.writeChildLists();
                        MemorySegment classes = layout.classRetained(out);
                        for (int c = 0; c < classRetained.length; c++) classes.setAtIndex(ValueLayout.JAVA_LONG, c, classRetained[c]);
                        int flags = (options.references() == References.ALL ? DominatorFile.FLAG_ALL_REFERENCES : 0)
                                | (options.keepUnreachable() ? DominatorFile.FLAG_KEEP_UNREACHABLE : 0);
                        layout.writeHeader(out, flags, summary, tree.retained.get(0));
                        steps.done(Step.CHILD_LISTS);
                    }
                }, () -> steps.done(Step.STORE));
            }
        }
    }

    /**
     * Temporary bytes the computation holds at its peak, while the predecessor lists are filled and read: the
     * search's numbers and counts (8 per object, 16 wide), pre-order vertex and parent, list ends (4 each, 8 wide),
     * and the lists (4 or 8 per edge). When that is over the memory budget, the pre-order vertex, written and read
     * front to back, goes to a mapped file from the start, so that less of what is written at random spills; the
     * lists and their ends stay in memory past the budget while the machine has it ({@link PredecessorLists}).
     * Measured on a 20 GB dump (348 M objects) with a 6 GB budget: with the lists spilled their phase took
     * 46 s; with the DFS parents in a file too, the nearest-common-ancestor pass, which climbs them at random,
     * took semi-NCA from 27 to 71 s; hence parents stay in memory.
     */
    public static long peakScratch(long nodes, long edges, boolean wide) {
        long node = wide ? 8 : 4;
        return nodes * (2 * node + 3 * node) + edges * node;
    }

    private interface Contents {
        void write(OutputFile out) throws IOException;
    }

    /** Writes the file under a temporary name, forces it to disk when durable, renames it into place, maps it. */
    private static DominatorTree store(Path file, DominatorFile layout, boolean durable, Contents contents, Runnable stored) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Arena arena = Arena.ofShared();
        try (OutputFile out = OutputFile.create(temporary, layout.fileSize, arena)) {
            contents.write(out);
            if (durable) out.force();
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            stored.run();
            return new DominatorTree(arena, out.mapping().asReadOnly(), layout);
        } catch (IOException | RuntimeException | Error e) {
            arena.close();
            Files.deleteIfExists(temporary);
            throw e;
        }
    }


    /** The computation's steps with their share of the whole (measured on generated 2 and 4 GB dumps), for a percentage that moves. */
    enum Step {
        NUMBERING("depth-first numbering", 0.32),
        PREDECESSORS("predecessor lists", 0.24),
        SEMI_NCA("semi-NCA", 0.09),
        RETAINED("retained sizes", 0.06),
        CLASS_RETAINED("class retained sizes", 0.04),
        PLAN("what to store", 0.03),
        COLUMNS("stored columns", 0.12),
        CHILD_LISTS("child lists", 0.04),
        STORE("store", 0.06);

        final String label;
        final double share;

        Step(String label, double share) {
            this.label = label;
            this.share = share;
        }

        double startShare() {
            double s = 0;
            for (Step before : values()) {
                if (before == this) break;
                s += before.share;
            }
            return s;
        }
    }

    /** Wall time per step, reported as each one ends, and the work done as a share of the object count. */
    private static final class Steps {
        private final PhaseListener listener;
        private final long total;
        private long last = System.nanoTime();
        private long reported;

        Steps(PhaseListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        void within(Step step, double fraction) {
            advance(step.startShare() + step.share * Math.min(1, Math.max(0, fraction)));
        }

        void done(Step step) {
            advance(step.startShare() + step.share);
            long now = System.nanoTime();
            listener.phaseDone("dominators: " + step.label, (now - last) / 1_000_000);
            last = now;
        }

        private void advance(double share) {
            long done = (long) (total * share);
            if (done > reported) {
                reported = done;
                listener.advance(done);
            }
        }
    }
}
