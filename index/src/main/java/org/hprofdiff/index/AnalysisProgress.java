package org.hprofdiff.index;

import org.hprofdiff.index.graph.PhaseListener;

/**
 * What {@link HeapAnalysis} reports while it works: the index build's phases and notes
 * ({@link BuildProgress}), a {@link #phase} when a graph computation starts (dominator tree, shortest
 * paths), and each computation's sub-phases with their wall time as they end ({@link PhaseListener}).
 */
public interface AnalysisProgress extends BuildProgress, PhaseListener {

    @Override
    default void phaseDone(String phase, long millis) {}

    @Override
    default void advance(long done) {}

    AnalysisProgress SILENT = new AnalysisProgress() {};
}
