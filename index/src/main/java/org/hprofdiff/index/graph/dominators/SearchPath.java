package org.hprofdiff.index.graph.dominators;

import org.hprofdiff.index.graph.offheap.LongStack;
import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * The depth-first search's current path, the deepest object on top: each object's ordinal and the next of its
 * edges to look at. Kept here so that the search never reads its pre-order vertex back (which then can be written
 * front to back only, {@link org.hprofdiff.index.graph.offheap.OrderedFill}). One long per object while ordinals
 * and edge numbers fit in 32 bits each, two beyond: as deep as the search, not an array over all objects.
 */
final class SearchPath implements AutoCloseable {
    private static final long LOW = 0xFFFF_FFFFL;
    private final LongStack stack;
    private final boolean packed;

    /** @param wide ordinals or edge numbers may need more than 32 bits */
    SearchPath(Scratch scratch, boolean wide) {
        this.stack = new LongStack(scratch, 1024);
        this.packed = !wide;
    }

    void push(long node, long edge) {
        if (packed) {
            stack.push(node << 32 | edge);
        } else {
            stack.push(node);
            stack.push(edge);
        }
    }

    /** The ordinal of the object on top. */
    long node() {
        return packed ? stack.peek() >>> 32 : stack.get(stack.size() - 2);
    }

    /** The next edge to look at of the object on top. */
    long edge() {
        return packed ? stack.peek() & LOW : stack.peek();
    }

    void setEdge(long edge) {
        stack.replaceTop(packed ? (stack.peek() & ~LOW) | edge : edge);
    }

    void pop() {
        stack.pop();
        if (!packed) stack.pop();
    }

    @Override
    public void close() {
        stack.close();
    }
}
