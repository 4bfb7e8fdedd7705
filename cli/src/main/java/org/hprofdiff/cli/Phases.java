package org.hprofdiff.cli;

import java.util.List;

/**
 * The phases of a run on its progress display: each shown once, numbered in the plan of what the run will do
 * ({@link PhasePlan}), with its percentage and time left on a terminal; with {@code --verbose}, each phase's cost
 * when it ends ({@link PhaseMeter}: {@code pass 1: 5.97 s, heap 120 MB, RSS 719 MB}) and the sub-phases a
 * computation reports. One per run ({@link Output#phases()}); the results are written only once the last phase has
 * ended, so the display never mixes with them.
 */
public final class Phases {
    private final Progress progress;
    private final Output out;
    private final PhasePlan plan = new PhasePlan();
    private final PhaseMeter meter = new PhaseMeter();
    /** The running phase's label for the cost line, or null. */
    private String current;

    Phases(Progress progress, Output out) {
        this.progress = progress;
        this.out = out;
    }

    /** Phases that will run after everything known so far (the computations a command will need). */
    public synchronized void expect(List<String> names) {
        plan.expect(names);
    }

    /** Phases that run next (an index build announcing its own). */
    public synchronized void next(List<String> names) {
        plan.next(names);
    }

    /** Forgets the plan: what comes next (the next dump of a series) is planned afresh. */
    public synchronized void newPlan() {
        finish();
        plan.clear();
    }

    /**
     * A phase begins (the previous one ends).
     *
     * @param prefix shown before the label, e.g. the dump a series' phase works on ({@code "day1.hprof: "}), or ""
     * @param total  its amount of work, 0 if unknown
     */
    public synchronized void start(String prefix, String name, long total) {
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
