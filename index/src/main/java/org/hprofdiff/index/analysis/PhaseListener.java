package org.hprofdiff.index.analysis;

/** Told when a phase of an analysis ends, with its wall time; for progress output and benchmarks. */
@FunctionalInterface
public interface PhaseListener {
    PhaseListener NONE = (phase, millis) -> {};

    void phaseDone(String phase, long millis);
}
