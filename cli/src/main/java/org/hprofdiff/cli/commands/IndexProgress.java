package org.hprofdiff.cli.commands;

import org.hprofdiff.cli.Output;
import org.hprofdiff.cli.Progress;
import org.hprofdiff.index.AnalysisProgress;

/**
 * The index's and the analyses' progress on the command's progress line: each phase named after the dump it
 * works on ({@code day1.hprof: dominator tree}), notes (an index rebuilt, a wait for another run) as notes,
 * and each finished computation's wall time under {@code --verbose}.
 */
final class IndexProgress implements AnalysisProgress {
    private final Progress progress;
    private final Output out;
    private String prefix = "";
    private boolean started;

    IndexProgress(Output out) {
        this.progress = out.progress();
        this.out = out;
    }

    /** The dump the next phases work on. */
    void dump(String name) {
        prefix = name + ": ";
    }

    @Override
    public void phase(String name, long total) {
        if (started) progress.finish();
        progress.start(prefix + name, total);
        started = true;
    }

    @Override
    public void advance(long done) {
        progress.update(done);
    }

    @Override
    public void note(String line) {
        finish();
        out.note(prefix + line);
    }

    @Override
    public void phaseDone(String phase, long millis) {
        finish();
        out.detail(prefix + phase + ": " + millis + " ms");
    }

    /** Clears the progress line once the dump's work is over. */
    void finish() {
        if (started) progress.finish();
        started = false;
    }
}
