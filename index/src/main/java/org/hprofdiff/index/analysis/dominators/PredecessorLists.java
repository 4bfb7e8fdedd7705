package org.hprofdiff.index.analysis.dominators;

import org.hprofdiff.index.analysis.ObjectGraph;
import org.hprofdiff.index.analysis.References;
import org.hprofdiff.index.analysis.offheap.LongArray;
import org.hprofdiff.index.analysis.offheap.NodeArray;
import org.hprofdiff.index.analysis.offheap.Scratch;

/**
 * The predecessors of every numbered object in the graph the dominators are computed on, by pre-order
 * number, in CSR form: {@code preds[begin(w) .. end(w))}. Built with two passes over the outbound edges
 * (count, then fill), so the index need not store inbound edges with their kinds.
 *
 * <p>Which edges count (docs/semantics.md, section 5): a retaining edge u→t when u's reachability range is
 * not below t's (objects that are only weakly reachable or unreachable cannot keep stronger-reachable ones
 * alive); the virtual root (0) for every entry, every retaining root, every non-retaining root object and
 * every target of a non-retaining edge that is not strongly reachable.
 */
final class PredecessorLists implements AutoCloseable {
    /** After building: end offset of each pre-order number's list; begin(w) = end(w-1), begin(1) = 0. */
    final LongArray end;
    final NodeArray preds;

    private PredecessorLists(LongArray end, NodeArray preds) {
        this.end = end;
        this.preds = preds;
    }

    long begin(long w) {
        return w <= 1 ? 0 : end.get(w - 1);
    }

    /** Builds the lists; {@code reuse} (length ≥ count, from the numbering's cursors) becomes {@link #end}. */
    static PredecessorLists build(ObjectGraph graph, References references, PreorderNumbering num, LongArray reuse,
                                  Scratch scratch, boolean wide) {
        LongArray slots = reuse;
        slots.fill(0);
        forEachPredecessor(graph, references, num, (w, v) -> slots.add(w, 1));
        long total = 0;
        for (long w = 0; w < num.count; w++) {
            long c = slots.get(w);
            slots.set(w, total);
            total += c;
        }
        NodeArray preds = scratch.nodes(Math.max(total, 1), wide);
        forEachPredecessor(graph, references, num, (w, v) -> {
            long at = slots.get(w);
            preds.set(at, v);
            slots.set(w, at + 1);
        });
        return new PredecessorLists(slots, preds);
    }

    private interface PredecessorSink {
        void accept(long w, long v);
    }

    private static void forEachPredecessor(ObjectGraph graph, References references, PreorderNumbering num,
                                           PredecessorSink sink) {
        boolean followWeak = references.followsWeakEdges();
        NodeArray preOf = num.preOf;
        for (long u = 1; u < num.count; u++) {
            long node = num.vertex.get(u);
            int ru = num.rangeOf(u);
            for (long e = graph.firstEdge(node), end = graph.firstEdge(node + 1); e < end; e++) {
                long t = preOf.get(graph.edgeTarget(e));
                if (t == 0 || ru > num.rangeOf(t)) continue;
                if (!followWeak && graph.isWeakEdge(e)) {
                    if (t >= num.endStrong) sink.accept(t, 0);
                } else {
                    sink.accept(t, u);
                }
            }
        }
        for (long r = 0, roots = graph.rootCount(); r < roots; r++) {
            long t = preOf.get(graph.rootNode(r));
            if (references.retains(graph.rootKind(r)) || t >= num.endStrong) sink.accept(t, 0);
        }
        for (long w = 1; w < num.count; w++) {
            if (num.parent.get(w) == 0) sink.accept(w, 0);
        }
    }

    @Override
    public void close() {
        preds.close();
    }
}
