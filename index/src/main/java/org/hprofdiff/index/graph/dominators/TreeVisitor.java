package org.hprofdiff.index.graph.dominators;

/** What a depth-first walk of the dominator tree tells: an object, before the objects it dominates, and after them. */
public interface TreeVisitor {
    void enter(long node);

    void exit(long node);
}
