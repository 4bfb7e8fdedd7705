package org.hprofdiff.index.analysis.dominators;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import org.hprofdiff.index.analysis.ObjectGraph;
import org.hprofdiff.index.analysis.PhaseListener;
import org.hprofdiff.index.analysis.References;
import org.hprofdiff.index.analysis.offheap.LongArray;
import org.hprofdiff.index.analysis.offheap.NodeArray;
import org.hprofdiff.index.analysis.offheap.Scratch;

/**
 * Computes a dump's dominator tree and retained sizes and stores them in one file
 * (docs/semantics.md, sections 5 to 8). Temporary arrays come from a {@link Scratch}; the Java heap holds
 * only per-class counters.
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

    public static DominatorTree compute(ObjectGraph graph, Options options, Path file, Scratch scratch,
                                        PhaseListener listener) throws IOException {
        return compute(graph, options, file, scratch, listener, NodeArray.needsWide(graph.nodeCount() + 1), true);
    }

    /**
     * {@code wide} forces eight-byte node numbers (tests check with it the path dumps past 4 billion objects
     * take); {@code durable} false skips the fsync before the rename (tests that write thousands of tiny trees).
     */
    static DominatorTree compute(ObjectGraph graph, Options options, Path file, Scratch scratch, PhaseListener listener,
                                 boolean wide, boolean durable) throws IOException {
        long n = graph.nodeCount();
        Phases phases = new Phases(listener);
        boolean wideDegrees = wide || NodeArray.needsWide(graph.firstEdge(n));
        try (PreorderNumbering num = new PreorderNumbering(graph, options.references(), scratch, wide, wideDegrees)) {
            num.run(options.keepUnreachable());
            phases.done("dominators: depth-first numbering");

            try (PredecessorLists preds = PredecessorLists.build(graph, options.references(), num, num.cursor, scratch, wide)) {
                phases.done("dominators: predecessor lists");
                SemiNca.computeInPlace(num.parent, preds, num.rootPredecessor, num.count, scratch, wide);
                phases.done("dominators: semi-NCA");
            }
            NodeArray idomPre = num.parent;
            LongArray retainedPre = num.cursor;
            accumulateRetained(graph, num, idomPre, retainedPre);
            phases.done("dominators: retained sizes");

            DominatorFile layout = new DominatorFile(n, graph.classCount(), num.count - 1, wide);
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
            Arena arena = Arena.ofShared();
            try {
                MemorySegment out = create(temporary, layout.fileSize, arena);
                ReachabilitySummary summary = writeNodeSpace(graph, num, idomPre, retainedPre, layout, out);
                phases.done("dominators: write per-object results");
                writeChildren(layout, out);
                phases.done("dominators: children lists");
                int flags = (options.references() == References.ALL ? DominatorFile.FLAG_ALL_REFERENCES : 0)
                        | (options.keepUnreachable() ? DominatorFile.FLAG_KEEP_UNREACHABLE : 0);
                layout.writeHeader(out, flags, summary);
                writeClassRetained(graph, layout, out, scratch);
                phases.done("dominators: class retained");
                if (durable) out.force();
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                phases.done("dominators: store");
                return new DominatorTree(arena, out.asReadOnly(), layout);
            } catch (IOException | RuntimeException | Error e) {
                arena.close();
                Files.deleteIfExists(temporary);
                throw e;
            }
        }
    }

    /** Retained size in pre-order space: own size plus everything dominated; dominators have smaller numbers. */
    private static void accumulateRetained(ObjectGraph graph, PreorderNumbering num, NodeArray idomPre, LongArray retained) {
        retained.set(0, 0);
        for (long p = 1; p < num.count; p++) retained.set(p, graph.shallowSize(num.vertex.get(p)));
        for (long p = num.count - 1; p >= 1; p--) retained.add(idomPre.get(p), retained.get(p));
    }

    private static MemorySegment create(Path path, long size, Arena arena) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ch.position(size - 1);
            ch.write(java.nio.ByteBuffer.wrap(new byte[1]));
            return ch.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
        }
    }

    private static ReachabilitySummary writeNodeSpace(ObjectGraph graph, PreorderNumbering num, NodeArray idomPre,
                                                      LongArray retainedPre, DominatorFile layout, MemorySegment out) {
        long n = layout.nodeCount;
        long entry = NodeArray.bytesPerEntry(layout.wide);
        NodeArray idom = NodeArray.over(out.asSlice(layout.idomAt, n * entry), n, layout.wide, null);
        LongArray retained = new LongArray(out.asSlice(layout.retainedAt, (n + 1) * 8), n + 1, null);
        MemorySegment reach = out.asSlice(layout.reachabilityAt, n);
        long unreachableObjects = 0;
        long unreachableBytes = 0;
        long notInTree = n + 1;
        for (long node = 0; node < n; node++) {
            if (num.numbers.pre(node) == 0) {
                idom.set(node, notInTree);
                unreachableObjects++;
                unreachableBytes += graph.shallowSize(node);
            }
        }
        long[] objects = new long[3];
        long[] bytes = new long[3];
        Reachability[] byRange = {Reachability.STRONG, Reachability.WEAK, Reachability.UNREACHABLE_KEPT};
        for (long p = 1; p < num.count; p++) {
            long node = num.vertex.get(p);
            long d = idomPre.get(p);
            idom.set(node, d == 0 ? n : num.vertex.get(d));
            retained.set(node, retainedPre.get(p));
            int range = num.rangeOf(p);
            reach.set(ValueLayout.JAVA_BYTE, node, byRange[range].code());
            objects[range]++;
            bytes[range] += graph.shallowSize(node);
        }
        retained.set(n, retainedPre.get(0));
        EnumMap<Reachability, ReachabilitySummary.Totals> groups = new EnumMap<>(Reachability.class);
        groups.put(Reachability.UNREACHABLE, new ReachabilitySummary.Totals(unreachableObjects, unreachableBytes));
        for (int r = 0; r < 3; r++) groups.put(byRange[r], new ReachabilitySummary.Totals(objects[r], bytes[r]));
        return new ReachabilitySummary(groups);
    }

    /** Children lists by counting sort on the immediate dominator; ascending ordinal within each list. */
    private static void writeChildren(DominatorFile layout, MemorySegment out) {
        long n = layout.nodeCount;
        long entry = NodeArray.bytesPerEntry(layout.wide);
        NodeArray idom = NodeArray.over(out.asSlice(layout.idomAt, n * entry), n, layout.wide, null);
        LongArray start = new LongArray(out.asSlice(layout.childStartAt, (n + 2) * 8), n + 2, null);
        NodeArray children = NodeArray.over(out.asSlice(layout.childrenAt, layout.treeSize * entry), layout.treeSize, layout.wide, null);
        long notInTree = n + 1;
        for (long node = 0; node < n; node++) {
            long d = idom.get(node);
            if (d != notInTree) start.add(d + 1, 1);
        }
        for (long x = 1; x <= n + 1; x++) start.add(x, start.get(x - 1)); // start[x] = first slot of x's list
        // Fill from the back with start[d+1] as a falling end pointer; afterwards start[d+1] is d's first slot.
        for (long node = n - 1; node >= 0; node--) {
            long d = idom.get(node);
            if (d == notInTree) continue;
            long at = start.get(d + 1) - 1;
            children.set(at, node);
            start.set(d + 1, at);
        }
        for (long x = 0; x <= n; x++) start.set(x, start.get(x + 1));
        start.set(n + 1, layout.treeSize);
    }

    private static void writeClassRetained(ObjectGraph graph, DominatorFile layout, MemorySegment out, Scratch scratch) {
        long n = layout.nodeCount;
        long entry = NodeArray.bytesPerEntry(layout.wide);
        LongArray retained = new LongArray(out.asSlice(layout.retainedAt, (n + 1) * 8), n + 1, null);
        LongArray start = new LongArray(out.asSlice(layout.childStartAt, (n + 2) * 8), n + 2, null);
        NodeArray children = NodeArray.over(out.asSlice(layout.childrenAt, layout.treeSize * entry), layout.treeSize, layout.wide, null);
        int classes = (int) layout.classCount;
        long[] sums = DominatorTree.retainedByGroup(graph, c -> c, classes, retained, start, children, layout.treeSize, scratch);
        MemorySegment target = out.asSlice(layout.classRetainedAt, layout.classCount * 8);
        for (int c = 0; c < classes; c++) target.setAtIndex(ValueLayout.JAVA_LONG, c, sums[c]);
    }

    /** Wall time per phase, reported as each one ends. */
    private static final class Phases {
        private final PhaseListener listener;
        private long last = System.nanoTime();

        Phases(PhaseListener listener) {
            this.listener = listener;
        }

        void done(String phase) {
            long now = System.nanoTime();
            listener.phaseDone(phase, (now - last) / 1_000_000);
            last = now;
        }
    }
}
