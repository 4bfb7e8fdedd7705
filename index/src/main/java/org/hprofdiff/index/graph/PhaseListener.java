package org.hprofdiff.index.graph;

/**
 * Told how an analysis advances, for progress output and benchmarks: the work done so far (in the unit of
 * the total its caller announced, objects for the dominator tree), and each phase's wall time as it ends.
 * Called from the thread that runs the analysis.
 */
@FunctionalInterface
public interface PhaseListener {
    PhaseListener NONE = (phase, millis) -> {};

    void phaseDone(String phase, long millis);

    /** Work done so far, of the total announced for the whole computation; it only grows. */
    default void advance(long done) {}
}
