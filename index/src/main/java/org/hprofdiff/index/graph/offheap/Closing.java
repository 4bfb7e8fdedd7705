package org.hprofdiff.index.graph.offheap;

/** Closing owners of off-heap memory, whose close never fails in a way callers could act on. */
final class Closing {
    private Closing() {}

    static void quietly(AutoCloseable owner) {
        if (owner == null) return;
        try {
            owner.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not release off-heap memory: " + e.getMessage(), e);
        }
    }
}
