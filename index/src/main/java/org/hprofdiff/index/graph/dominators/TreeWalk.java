package org.hprofdiff.index.graph.dominators;

import org.hprofdiff.index.graph.offheap.LongArray;
import org.hprofdiff.index.graph.offheap.NodeArray;
import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * Depth-first walk of a dominator tree in CSR form with enter and exit events, without recursion: the stack
 * holds, per depth, the slot in the parent's child list being explored, so its size is the tree's depth
 * (a 10-million-long chain needs 80 MB off-heap, not a thread stack).
 */
final class TreeWalk {
    private TreeWalk() {}

    /** Visits every node below {@code root} (excluding the root itself). */
    static void below(long root, NodeArray childStart, NodeArray children, long maxDepth, Scratch scratch, TreeVisitor visitor) {
        try (LongArray slot = scratch.longs(maxDepth + 1)) {
            long depth = 0;
            slot.set(0, childStart.get(root) - 1);
            while (true) {
                long owner = depth == 0 ? root : children.get(slot.get(depth - 1));
                long next = slot.get(depth) + 1;
                if (next < childStart.get(owner + 1)) {
                    slot.set(depth, next);
                    long child = children.get(next);
                    visitor.enter(child);
                    depth++;
                    slot.set(depth, childStart.get(child) - 1);
                } else {
                    if (depth == 0) break;
                    visitor.exit(owner);
                    depth--;
                }
            }
        }
    }
}
