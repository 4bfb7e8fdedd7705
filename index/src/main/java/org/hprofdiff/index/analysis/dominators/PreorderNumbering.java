package org.hprofdiff.index.analysis.dominators;

import org.hprofdiff.index.analysis.ObjectGraph;
import org.hprofdiff.index.analysis.References;
import org.hprofdiff.index.analysis.offheap.Bits;
import org.hprofdiff.index.analysis.offheap.LongArray;
import org.hprofdiff.index.analysis.offheap.LongStack;
import org.hprofdiff.index.analysis.offheap.NodeArray;
import org.hprofdiff.index.analysis.offheap.Scratch;

/**
 * Depth-first numbering of the graph the dominators are computed on (docs/semantics.md, section 5): pre-order
 * number 0 is the virtual root; the objects get 1, 2, ... in three consecutive ranges:
 * <ol>
 *   <li>strongly reachable: from the retaining roots over retaining edges, {@code [1, endStrong)};</li>
 *   <li>weakly reachable only: entered at the targets of non-retaining edges and at non-retaining roots,
 *       {@code [endStrong, endWeak)};</li>
 *   <li>kept unreachable (only with {@code keepUnreachable}): entered at unreachable objects no other
 *       unreachable object references, then at the lowest-numbered one left, {@code [endWeak, count)}.</li>
 * </ol>
 * Iterative: the stack is the chain of DFS parents plus one edge cursor per visited object, so a chain of
 * a billion objects needs no thread stack.
 */
final class PreorderNumbering implements AutoCloseable {
    private final ObjectGraph graph;
    private final References references;
    private final Scratch scratch;

    /** Object ordinal → pre-order number; 0 = not reached. */
    final NodeArray preOf;
    /** Pre-order number → object ordinal (entry 0, the virtual root, unused). */
    final NodeArray vertex;
    /** Pre-order number → pre-order number of the DFS parent (0 for objects entered from the virtual root). */
    final NodeArray parent;
    /** Pre-order number → next edge to look at; free for reuse once numbering is done. */
    final LongArray cursor;

    private final LongStack weakTargets;
    long count = 1;
    long endStrong;
    long endWeak;

    PreorderNumbering(ObjectGraph graph, References references, Scratch scratch, boolean wide) {
        this.graph = graph;
        this.references = references;
        this.scratch = scratch;
        long n = graph.nodeCount();
        preOf = scratch.nodes(n, wide);
        vertex = scratch.nodes(n + 1, wide);
        parent = scratch.nodes(n + 1, wide);
        cursor = scratch.longs(n + 1);
        weakTargets = new LongStack(scratch, 1024);
    }

    void run(boolean keepUnreachable) {
        long roots = graph.rootCount();
        for (long r = 0; r < roots; r++) {
            if (references.retains(graph.rootKind(r))) enter(graph.rootNode(r));
        }
        endStrong = count;
        for (long r = 0; r < roots; r++) {
            if (!references.retains(graph.rootKind(r))) enter(graph.rootNode(r));
        }
        drainWeakTargets();
        endWeak = count;
        if (keepUnreachable) enterUnreachable();
    }

    /** Which range a pre-order number is in: 0 strong, 1 weak, 2 kept unreachable. */
    int rangeOf(long pre) {
        return pre < endStrong ? 0 : pre < endWeak ? 1 : 2;
    }

    private void enterUnreachable() {
        long n = graph.nodeCount();
        try (Bits referencedByUnreached = scratch.bits(n)) {
            for (long node = 0; node < n; node++) {
                if (preOf.get(node) != 0) continue;
                for (long e = graph.firstEdge(node), end = graph.firstEdge(node + 1); e < end; e++) {
                    long t = graph.edgeTarget(e);
                    if (t != node && preOf.get(t) == 0) referencedByUnreached.set(t);
                }
            }
            for (long node = 0; node < n; node++) {
                if (preOf.get(node) == 0 && !referencedByUnreached.get(node)) {
                    enter(node);
                    drainWeakTargets();
                }
            }
        }
        // What is left are cycles nothing outside them references: enter each at its lowest ordinal.
        for (long node = 0; node < n; node++) {
            if (preOf.get(node) == 0) {
                enter(node);
                drainWeakTargets();
            }
        }
    }

    private void drainWeakTargets() {
        while (!weakTargets.isEmpty()) enter(weakTargets.pop());
    }

    /** Visits everything not yet numbered below {@code entry}, which hangs from the virtual root. */
    private void enter(long entry) {
        if (preOf.get(entry) != 0) return;
        boolean followWeak = references.followsWeakEdges();
        long cur = number(entry, 0);
        while (cur != 0) {
            long node = vertex.get(cur);
            long e = cursor.get(cur);
            long end = graph.firstEdge(node + 1);
            long next = -1;
            while (e < end) {
                long t = graph.edgeTarget(e);
                boolean weak = !followWeak && graph.isWeakEdge(e);
                e++;
                if (preOf.get(t) != 0) continue;
                if (weak) {
                    weakTargets.push(t);
                } else {
                    next = t;
                    break;
                }
            }
            cursor.set(cur, e);
            cur = next >= 0 ? number(next, cur) : parent.get(cur);
        }
    }

    private long number(long node, long parentPre) {
        long pre = count++;
        preOf.set(node, pre);
        vertex.set(pre, node);
        parent.set(pre, parentPre);
        cursor.set(pre, graph.firstEdge(node));
        return pre;
    }

    @Override
    public void close() {
        weakTargets.close();
        cursor.close();
        parent.close();
        vertex.close();
        preOf.close();
    }
}
