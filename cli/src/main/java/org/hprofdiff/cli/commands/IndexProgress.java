package org.hprofdiff.cli.commands;

import java.util.List;
import org.hprofdiff.cli.Output;
import org.hprofdiff.cli.Phases;
import org.hprofdiff.index.AnalysisProgress;

/**
 * The index's and the analyses' progress ({@link AnalysisProgress}) on the run's {@link Phases}: the index build's
 * phases and the graph computations, each named after the dump it works on in a series
 * ({@code day1.hprof: [2/6] classes}); notes (an index rebuilt, a wait for another run) as notes; the computations'
 * sub-phases under {@code --verbose}. The one adapter between the index and the CLI's display: graph commands,
 * comparisons and plain reads use it.
 */
final class IndexProgress implements AnalysisProgress {
    private final Phases phases;
    private final Output out;
    private final String prefix;

    IndexProgress(Output out) {
        this(out, "");
    }

    private IndexProgress(Output out, String prefix) {
        this.phases = out.phases();
        this.out = out;
        this.prefix = prefix;
    }

    /**
     * The progress of the work on one dump of a series (its index, its computations): phases named after the dump,
     * planned on their own. The series' own phases stay on this one.
     */
    IndexProgress forDump(String name) {
        return new IndexProgress(out, name + ": ");
    }

    /** Phases the command will need once its index is there (the dominator tree, the shortest paths). */
    void expect(List<String> computations) {
        phases.expect(prefix, computations);
    }

    @Override
    public void plan(List<String> names) {
        phases.next(prefix, names);
    }

    @Override
    public void phase(String name, long total) {
        phases.start(prefix, name, total);
    }

    @Override
    public void advance(long done) {
        phases.advance(done);
    }

    @Override
    public void note(String line) {
        out.note(prefix + line);
    }

    @Override
    public void phaseDone(String phase, long millis) {
        phases.subPhase(prefix, phase, millis);
    }

    /** The work on this dump is over for now: the last phase ends. */
    void finish() {
        phases.finish();
    }
}
