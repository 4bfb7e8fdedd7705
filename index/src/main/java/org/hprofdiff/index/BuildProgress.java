package org.hprofdiff.index;

/**
 * Where a build reports what it is doing. The CLI prints phases and notes on stderr; tests and
 * scripts may ignore them. Calls come from the building thread only.
 */
public interface BuildProgress {
    /** A phase begins; {@code total} is its amount of work (bytes or objects), 0 when unknown. */
    default void phase(String name, long total) {}

    /** Work done so far in the current phase, in the unit of its total. */
    default void advance(long done) {}

    /** A one-line note for the user: an index rebuilt because it was stale, a wait for another build. */
    default void note(String line) {}

    BuildProgress SILENT = new BuildProgress() {};
}
