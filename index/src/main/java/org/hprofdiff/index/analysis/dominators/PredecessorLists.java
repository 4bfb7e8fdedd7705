package org.hprofdiff.index.analysis.dominators;

import org.hprofdiff.index.analysis.ObjectGraph;
import org.hprofdiff.index.analysis.References;
import org.hprofdiff.index.analysis.offheap.LongArray;
import org.hprofdiff.index.analysis.offheap.NodeArray;
import org.hprofdiff.index.analysis.offheap.Scratch;

/**
 * The predecessors of every numbered object in the dominator graph, by pre-order number, in CSR form:
 * {@code preds[begin(w) .. end(w))}. The counts come from the numbering; one pass over the outbound edges
 * fills the lists, so the index need not store inbound edges with their kinds. The virtual root is not in
 * the lists: {@link PreorderNumbering#rootPredecessor} flags it.
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

    /** Builds the lists; {@code reuse} (length ≥ count, the numbering's cursors) becomes {@link #end}. */
    static PredecessorLists build(ObjectGraph graph, References references, PreorderNumbering num, LongArray reuse,
                                  Scratch scratch, boolean wide) {
        LongArray slots = reuse;
        long total = 0;
        slots.set(0, 0);
        for (long w = 1; w < num.count; w++) {
            slots.set(w, total);
            total += num.numbers.degree(num.vertex.get(w));
        }
        NodeArray preds = scratch.nodes(Math.max(total, 1), wide);
        boolean followWeak = references.followsWeakEdges();
        for (long u = 1; u < num.count; u++) {
            long node = num.vertex.get(u);
            int ru = num.rangeOf(u);
            for (long e = graph.firstEdge(node), end = graph.firstEdge(node + 1); e < end; e++) {
                if (!followWeak && graph.isWeakEdge(e)) continue;
                long t = num.numbers.pre(graph.edgeTarget(e));
                if (ru > num.rangeOf(t)) continue;
                long at = slots.get(t);
                preds.set(at, u);
                slots.set(t, at + 1);
            }
        }
        return new PredecessorLists(slots, preds);
    }

    @Override
    public void close() {
        preds.close();
    }
}
