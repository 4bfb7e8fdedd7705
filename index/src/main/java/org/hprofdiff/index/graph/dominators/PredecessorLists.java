package org.hprofdiff.index.graph.dominators;

import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.offheap.NodeArray;
import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * The predecessors of every numbered object in the dominator graph, by pre-order number, in CSR form:
 * {@code preds[begin(w) .. end(w))}, so that semi-NCA, which visits pre-order numbers from the last down,
 * reads them front to back. The counts come from the numbering; one pass over the outbound edges fills the
 * lists, so the index need not store inbound edges with their kinds. The virtual root is not in the lists:
 * {@link PreorderNumbering#rootPredecessor} flags it.
 *
 * <p>The fill walks the objects in ordinal order, so it reads the index's edge columns front to back (the
 * search read them in pre-order, at random), and a target's next slot sits beside its pre-order number, so an
 * edge costs one look-up there. One thread: with two, each taking a range of objects and its slots with an
 * atomic add, the fill took 50 % more CPU and no less time on the project's 2-core VM (1.2–1.7 s against
 * 1.6–2.4 s for 77 M edges, measured side by side; an atomic add waits for its cache miss, where plain
 * stores let the next edges' misses overlap).
 */
final class PredecessorLists implements AutoCloseable {
    /**
     * After building: end offset of each pre-order number's list; begin(w) = end(w-1), begin(1) = 0. Semi-NCA
     * then reuses entry w for w's semidominator once it has read the list (see {@link SemiNca}).
     */
    final NodeArray end;
    final NodeArray preds;

    private PredecessorLists(NodeArray end, NodeArray preds) {
        this.end = end;
        this.preds = preds;
    }

    long begin(long w) {
        return w <= 1 ? 0 : end.get(w - 1);
    }

    /**
     * Builds the lists: {@code wide} when a pre-order number may exceed 32 bits, {@code wideOffsets} when a
     * list offset may (it is at least {@code wide}, since {@link #end} later holds pre-order numbers too).
     */
    static PredecessorLists build(ObjectGraph graph, References references, PreorderNumbering num, Scratch scratch,
                                  boolean wide, boolean wideOffsets, Runnable progress) {
        long count = num.count;
        // Both stay in native memory past the budget whenever the machine has it: the lists are written at random
        // while the edges stream past, and semi-NCA reads the ends from the last down, which a mapped file serves
        // one page read at a time (no read-ahead backwards: semi-NCA took 75 s on a 39.8 GB dump with them in a
        // file, against 8 s at 21.5 GB). The lists, which matter more, are asked for first.
        NodeArray preds = scratch.nodes(Math.max(num.predecessors, 1), wide, Scratch.Placement.MEMORY_WHILE_AVAILABLE);
        NodeArray end = null;
        try {
            end = scratch.nodes(count, wideOffsets, Scratch.Placement.MEMORY_WHILE_AVAILABLE);
            long total = offsets(num, end);
            if (total != num.predecessors) {
                throw new IllegalStateException("the numbering counted " + num.predecessors + " predecessors, their lists hold " + total);
            }
        } catch (RuntimeException | Error e) {
            if (end != null) end.close();
            preds.close();
            throw e;
        }
        progress.run();
        boolean followWeak = references.followsWeakEdges();
        NumberAndDegree numbers = num.numbers;
        for (long node = 0, n = graph.nodeCount(); node < n; node++) {
            long u = numbers.pre(node);
            if (u == 0) continue;
            int ru = num.rangeOf(u);
            for (long e = graph.firstEdge(node), last = graph.firstEdge(node + 1); e < last; e++) {
                if (!followWeak && graph.isWeakEdge(e)) continue;
                long target = graph.edgeTarget(e);
                if (ru > num.rangeOf(numbers.pre(target))) continue;
                preds.set(numbers.takeSlot(target), u);
            }
        }
        return new PredecessorLists(end, preds);
    }

    /**
     * The predecessor counts summed in pre-order: each object's first slot goes where its count was
     * ({@link NumberAndDegree#setNextSlot}), its list's end into {@code end} by pre-order number; returns the
     * total. One thread, one pass: split in two, the second half could not start before the first half's total
     * is known, which takes a pass of its own over the same scattered counts (measured: no faster on two cores,
     * slower when the other core is busy).
     */
    private static long offsets(PreorderNumbering num, NodeArray end) {
        long at = 0;
        for (long w = 1; w < num.count; w++) {
            long node = num.vertex.get(w);
            long degree = num.numbers.degree(node);
            num.numbers.setNextSlot(node, at);
            at += degree;
            end.set(w, at);
        }
        return at;
    }

    @Override
    public void close() {
        preds.close();
        end.close();
    }
}
