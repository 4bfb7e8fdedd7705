package org.hprofdiff.index;

import java.util.List;

/**
 * Where a build reports what it is doing. The CLI shows phases, how far each is and what is left, and notes,
 * on stderr; tests and scripts may ignore them.
 */
public interface BuildProgress {
    /** A phase begins; {@code total} is its amount of work (bytes, objects, edges), 0 when unknown. */
    default void phase(String name, long total) {}

    /**
     * Work done so far in the current phase, in the unit of its total. May be called from several threads at once
     * (a phase whose threads share a running total, see {@link ProgressCounter}); a value below one already reported,
     * from a call that another overtook, is ignored by the display.
     */
    default void advance(long done) {}

    /** A one-line note for the user: an index rebuilt because it was stale, a wait for another build. */
    default void note(String line) {}

    /**
     * The phases about to begin, in order, when they are known ahead (an index build knows its own), so that a
     * display can say where a phase stands in the whole ("phase 4 of 7"). Phases that begin without having been
     * announced are shown too.
     */
    default void plan(List<String> phases) {}

    BuildProgress SILENT = new BuildProgress() {};
}
