package org.hprofdiff.index.graph.dominators;

import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.Workers;
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
 * edge costs one look-up there. It runs on up to {@link #MAX_PARTS} threads, each owning a range of target
 * ordinals: every thread reads all the edges in order and fills only its own targets' lists, so no slot is
 * shared, no add need be atomic, and each list is filled in source order exactly as one thread fills it (the
 * same bytes on any number of threads). What costs is the random look-ups (the target's number and slot, the
 * list entry), so they are what is split; the edges streamed past are read once per thread, hence the cap.
 * Measured on the 2-core VM: a 39.8 GB dump (1.4 billion references) 40.5 s on one thread, 35.6 s on two; a
 * 2.6 GB dump, warm, 1.9 s and 1.1–1.7 s. (Splitting by source instead, each thread taking its slots with an
 * atomic add, took 50 % more CPU and no less time: an atomic add waits for its cache miss, where plain stores
 * let the next edges' misses overlap.)
 */
final class PredecessorLists implements AutoCloseable {
    /** Most threads the fill splits into: each reads every edge, so more would stream more than they save. */
    static final int MAX_PARTS = 4;

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
     * list offset may (it is at least {@code wide}, since {@link #end} later holds pre-order numbers too), on at
     * most {@code threads} of {@code workers}' threads (fewer while other work runs beside the tree).
     */
    static PredecessorLists build(ObjectGraph graph, References references, PreorderNumbering num, Scratch scratch,
                                  boolean wide, boolean wideOffsets, Workers workers, int threads, Runnable progress) {
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
        long n = graph.nodeCount();
        int parts = Math.min(Math.min(threads, workers.threads()), MAX_PARTS);
        workers.run(parts, part -> {
            long from = Workers.split(n, parts, part, 1);
            long to = Workers.split(n, parts, part + 1, 1);
            for (long node = 0; node < n; node++) {
                long u = numbers.pre(node);
                if (u == 0) continue;
                int ru = num.rangeOf(u);
                for (long e = graph.firstEdge(node), last = graph.firstEdge(node + 1); e < last; e++) {
                    long target = graph.edgeTarget(e);
                    if (target < from || target >= to || !followWeak && graph.isWeakEdge(e)) continue;
                    if (ru > num.rangeOf(numbers.pre(target))) continue;
                    preds.set(numbers.takeSlot(target), u);
                }
            }
        });
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
