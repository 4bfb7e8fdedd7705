package org.hprofdiff.index.graph.dominators;

import org.hprofdiff.index.graph.ObjectGraph;
import org.hprofdiff.index.graph.References;
import org.hprofdiff.index.graph.offheap.Bits;
import org.hprofdiff.index.graph.offheap.LongStack;
import org.hprofdiff.index.graph.offheap.NodeArray;
import org.hprofdiff.index.graph.offheap.OrderedFill;
import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * Depth-first numbering of the graph the dominators are computed on (docs/semantics.md, section 6): pre-order
 * number 0 is the virtual root; the objects get 1, 2, ... in three consecutive ranges:
 * <ol>
 *   <li>strongly reachable: from the retaining roots over retaining edges, {@code [1, endStrong)};</li>
 *   <li>weakly reachable only: entered at the targets of non-retaining edges and at non-retaining roots,
 *       {@code [endStrong, endWeak)};</li>
 *   <li>kept unreachable (only with {@code keepUnreachable}): entered at unreachable objects no other
 *       unreachable object references, then at the lowest-numbered one left, {@code [endWeak, count)}.</li>
 * </ol>
 * While it walks, it counts each object's predecessors in the dominator graph: a retaining edge u→t counts
 * when u's range is not below t's (what is only weakly reachable, or garbage, keeps nothing stronger alive),
 * and it flags the objects whose predecessors include the virtual root. The search is iterative: the stack
 * is the chain of DFS parents ({@link #parent}) plus each object on the current path with its next edge
 * ({@link SearchPath}: as deep as the search, not an array over all objects), so that {@link #vertex} is only
 * written, front to back ({@link OrderedFill}).
 */
final class PreorderNumbering implements AutoCloseable {
    private final ObjectGraph graph;
    private final References references;
    private final Scratch scratch;

    /** Object ordinal → pre-order number (0 = not reached) and predecessor count. */
    final NumberAndDegree numbers;
    /** Pre-order number → object ordinal (entry 0, the virtual root, unused). */
    final NodeArray vertex;
    /** Pre-order number → pre-order number of the DFS parent (0 for objects entered from the virtual root). */
    final NodeArray parent;
    /** Pre-order numbers whose predecessors include the virtual root. */
    final Bits rootPredecessor;

    private final LongStack weakTargets;
    /** Each object on the current search path with the next edge to look at, the deepest on top. */
    private final SearchPath path;
    /** Writes {@link #vertex} as objects are numbered; complete when {@link #run} returns. */
    private final OrderedFill vertexFill;
    private final Progress progress;
    private int phase;
    long count = 1;
    /** Predecessors counted in all: the length of the predecessor lists. */
    long predecessors;
    long endStrong = Long.MAX_VALUE;
    long endWeak = Long.MAX_VALUE;

    /** Told the number of objects numbered so far, now and then. */
    interface Progress {
        void numbered(long count);
    }

    /**
     * @param sequentialInFiles put {@link #vertex}, written front to back and read mostly so, in a mapped file,
     *                          leaving the memory budget to the arrays read at random ({@link #parent} is not one:
     *                          the nearest-common-ancestor pass climbs it at random)
     */
    PreorderNumbering(ObjectGraph graph, References references, Scratch scratch, boolean wide, boolean wideDegrees,
                      boolean sequentialInFiles, Progress progress) {
        this.progress = progress;
        this.graph = graph;
        this.references = references;
        this.scratch = scratch;
        long n = graph.nodeCount();
        numbers = new NumberAndDegree(scratch, n, wideDegrees);
        vertex = scratch.nodes(n + 1, wide, sequentialInFiles ? Scratch.Placement.FILE : Scratch.Placement.BUDGET);
        parent = scratch.nodes(n + 1, wide);
        rootPredecessor = scratch.bits(n + 1);
        weakTargets = new LongStack(scratch, 1024);
        path = new SearchPath(scratch, wideDegrees);
        vertexFill = new OrderedFill(vertex, 1);
    }

    void run(boolean keepUnreachable) {
        long roots = graph.rootCount();
        for (long r = 0; r < roots; r++) {
            if (references.retains(graph.rootKind(r))) enter(graph.rootNode(r));
        }
        endStrong = count;
        phase = 1;
        for (long r = 0; r < roots; r++) {
            long node = graph.rootNode(r);
            if (references.retains(graph.rootKind(r))) rootPredecessor.set(numbers.pre(node));
            else enterWeakly(node);
        }
        drainWeakTargets();
        endWeak = count;
        if (keepUnreachable) {
            phase = 2;
            enterUnreachable();
        }
        vertexFill.finish();
    }

    /** Which range a pre-order number is in: 0 strong, 1 weak, 2 kept unreachable. */
    int rangeOf(long pre) {
        return pre < endStrong ? 0 : pre < endWeak ? 1 : 2;
    }

    private void enterUnreachable() {
        long n = graph.nodeCount();
        try (Bits referencedByUnreached = scratch.bits(n)) {
            for (long node = 0; node < n; node++) {
                if (numbers.pre(node) != 0) continue;
                for (long e = graph.firstEdge(node), end = graph.firstEdge(node + 1); e < end; e++) {
                    long t = graph.edgeTarget(e);
                    if (t != node && numbers.pre(t) == 0) referencedByUnreached.set(t);
                }
            }
            for (long node = 0; node < n; node++) {
                if (numbers.pre(node) == 0 && !referencedByUnreached.get(node)) {
                    enter(node);
                    drainWeakTargets();
                }
            }
        }
        // What is left are cycles nothing outside them references: enter each at its lowest ordinal.
        for (long node = 0; node < n; node++) {
            if (numbers.pre(node) == 0) {
                enter(node);
                drainWeakTargets();
            }
        }
    }

    /**
     * Targets of non-retaining edges seen while their target was not reached yet. After the strong phase
     * every such target outside the strong range is held by the virtual root (section 6).
     */
    private void drainWeakTargets() {
        while (!weakTargets.isEmpty()) enterWeakly(weakTargets.pop());
    }

    private void enterWeakly(long node) {
        long pre = numbers.pre(node);
        if (pre == 0) enter(node);
        else if (pre >= endStrong) rootPredecessor.set(pre);
    }

    /** Visits everything not yet numbered below {@code entry}, which hangs from the virtual root. */
    private void enter(long entry) {
        if (numbers.pre(entry) != 0) return;
        boolean followWeak = references.followsWeakEdges();
        long cur = number(entry, 0);
        rootPredecessor.set(cur);
        while (cur != 0) {
            long node = path.node();
            long e = path.edge();
            long end = graph.firstEdge(node + 1);
            long next = -1;
            while (e < end) {
                long t = graph.edgeTarget(e);
                boolean weak = !followWeak && graph.isWeakEdge(e);
                e++;
                long tp = numbers.pre(t);
                if (weak) {
                    if (tp == 0) weakTargets.push(t);
                    else if (tp >= endStrong && phase <= rangeOf(tp)) rootPredecessor.set(tp);
                } else if (tp == 0) {
                    numbers.countPredecessor(t);
                    predecessors++;
                    next = t;
                    break;
                } else if (phase <= rangeOf(tp)) {
                    numbers.countPredecessor(t);
                    predecessors++;
                }
            }
            if (next >= 0) {
                path.setEdge(e);
                cur = number(next, cur);
            } else {
                path.pop();
                cur = parent.get(cur);
            }
        }
    }

    private long number(long node, long parentPre) {
        long pre = count++;
        numbers.setPre(node, pre);
        vertexFill.append(node);
        parent.set(pre, parentPre);
        // No loads of the targets ahead of the loop that visits them: measured on a generated 2 GB dump (35 M
        // objects, whose references mostly point near their holder, as in real heaps) reading every target's
        // number and edge offsets first cost 25 % more CPU; on a random graph without locality it saved 10 %.
        path.push(node, graph.firstEdge(node));
        if ((pre & PROGRESS_EVERY) == 0) progress.numbered(pre);
        return pre;
    }

    private static final long PROGRESS_EVERY = (1 << 20) - 1;

    @Override
    public void close() {
        vertexFill.close();
        path.close();
        weakTargets.close();
        rootPredecessor.close();
        parent.close();
        vertex.close();
        numbers.close();
    }
}
