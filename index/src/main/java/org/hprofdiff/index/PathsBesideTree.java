package org.hprofdiff.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.FutureTask;
import org.hprofdiff.core.parallel.Futures;
import org.hprofdiff.index.graph.NodeFilter;
import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.PhaseListener;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.dominators.Dominators;
import org.hprofdiff.index.graph.offheap.NodeArray;
import org.hprofdiff.index.graph.offheap.Scratch;
import org.hprofdiff.index.graph.paths.ShortestPaths;
import org.hprofdiff.index.table.Edges;

/**
 * The shortest paths' search on a thread of its own, beside the dominator tree ({@link HeapAnalysis#shortestPaths}):
 * started from the tree's computation as soon as its numbering says what is strongly reachable ({@link #start}), joined
 * when the tree is done. Its phase times are kept and told when it is joined, on the caller's thread (progress displays
 * are not shared between threads); its progress within is not shown (the tree's is).
 */
final class PathsBesideTree {
    private final ObjectGraph graph;
    private final References references;
    private final Path file;
    private final Scratch scratch;
    private final List<String[]> times = Collections.synchronizedList(new ArrayList<>());
    private FutureTask<ShortestPaths> task;

    PathsBesideTree(ObjectGraph graph, References references, Path file, Scratch scratch) {
        this.graph = graph;
        this.references = references;
        this.file = file;
        this.scratch = scratch;
    }

    /**
     * Whether the search fits in memory beside the dominator tree: the tree's arrays at their peak, the search's queue
     * and entries, and the index's edges that both read, within 80 % of {@code memory} (the machine's). Otherwise the
     * two take pages from each other: on a 39.8 GB dump (645 M objects, 1.4 billion references) on 23 GiB the tree took
     * 515 s with the search beside it, 395 s alone and the search 139 s after it: the same wall time for 92 CPU s more.
     * On a 21.5 GB dump, which fits, the tree took 96 s and the search 36 s beside it, 1 s after (docs/benchmarks.md).
     */
    static boolean fits(DumpIndex index, long memory) {
        long n = index.objectCount();
        Edges out = index.outbound();
        long edges = out.count();
        long tree = Dominators.peakScratch(n, edges, NodeArray.needsWide(n + 1));
        long shared = edges * out.targets().width() + n * 2 + edges / 8; // targets, offsets, weak flags
        return memory > 0 && tree + ShortestPaths.bytesWhileSearching(n, edges) + shared <= memory / 10 * 8;
    }

    /** Called by the tree's computation, on its thread: finds the path starts, then starts the search (on a core of its own). */
    boolean start(NodeFilter stronglyReachable) {
        long[] starts = ShortestPaths.staticStartClasses(graph, stronglyReachable);
        PhaseListener kept = (phase, millis) -> times.add(new String[] {phase, Long.toString(millis)});
        task = new FutureTask<>(() -> ShortestPaths.compute(graph, references, starts, file, scratch, kept));
        Thread.ofPlatform().name("hprof-diff shortest paths").daemon().start(task);
        return true;
    }

    boolean started() {
        return task != null;
    }

    /** The search's result, once it is done; its phase times go to {@code progress}. */
    ShortestPaths join(PhaseListener progress) throws IOException {
        try {
            ShortestPaths result = Futures.awaitUninterruptibly(task);
            for (String[] t : times) progress.phaseDone(t[0], Long.parseLong(t[1]));
            return result;
        } finally {
            task = null;
        }
    }

    /** The tree failed: waits for the search (which removes its own file if it fails) and lets its result go. */
    void abandon() {
        if (task == null) return;
        try {
            Futures.awaitUninterruptibly(task).close();
        } catch (IOException | RuntimeException | Error ignored) {
            // the tree's failure is the one to report
        }
    }
}
