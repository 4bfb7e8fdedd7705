package org.hprofdiff.cli;

import java.util.List;

/**
 * The phases of a run on its progress display: each shown once, numbered in the plan of what the run will do
 * ({@link PhasePlan}), with its percentage and time left on a terminal; with {@code --verbose}, each phase's cost
 * when it ends ({@link PhaseMeter}: {@code pass 1: 5.97 s, heap 120 MB, RSS 719 MB}) and the sub-phases a
 * computation reports. One per run ({@link Output#phases()}); the results are written only once the last phase has
 * ended, so the display never mixes with them.
 *
 * <p>Every call names whose phases it reports, by the prefix they are shown with: a series works on one dump after
 * another ({@code "day1.hprof: "}), between phases of its own ({@code ""}). The plan belongs to one of them at a
 * time; a call from another starts a plan afresh.
 */
public final class Phases {
    private final Progress progress;
    private final Output out;
    private final PhasePlan plan = new PhasePlan();
    private final PhaseMeter meter = new PhaseMeter();
    /** The running phase's label for the cost line, or null. */
    private String current;
    /** Whose phases the plan holds. */
    private String owner = "";

    Phases(Progress progress, Output out) {
        this.progress = progress;
        this.out = out;
    }

    /** Phases that will run after everything known so far (the computations a command will need). */
    public synchronized void expect(String prefix, List<String> names) {
        own(prefix);
        plan.expect(names);
    }

    /** Phases that run next (an index build announcing its own). */
    public synchronized void next(String prefix, List<String> names) {
        own(prefix);
        plan.next(names);
    }

    /** Phases reported with another prefix than the plan's owner's start a plan of their own. */
    private void own(String prefix) {
        if (prefix.equals(owner)) return;
        end();
        plan.clear();
        owner = prefix;
    }

    /**
     * A phase begins (the previous one ends).
     *
     * @param prefix shown before the label, e.g. the dump a series' phase works on ({@code "day1.hprof: "}), or ""
     * @param total  its amount of work, 0 if unknown
     */
    public synchronized void start(String prefix, String name, long total) {
        own(prefix);
        end();
        current = prefix + name;
        meter.start();
        progress.start(prefix + plan.start(name), total);
    }

    /** Work done so far in the current phase (from any thread; see {@link Progress#update}). */
    public void advance(long done) {
        progress.update(done);
    }

    /** A computation's sub-phase has ended ({@code --verbose} only), shown indented under its phase. */
    public void subPhase(String prefix, String name, long millis) {
        out.detail(prefix + "  " + name + ": " + String.format(java.util.Locale.ROOT, "%.2f s", millis / 1e3));
    }

    /** The current phase is over, and no other follows for now: its cost, and the line cleared. */
    public synchronized void finish() {
        end();
    }

    private void end() {
        if (current == null) return;
        progress.finish();
        out.detail(current + ": " + meter.end());
        current = null;
    }
}
