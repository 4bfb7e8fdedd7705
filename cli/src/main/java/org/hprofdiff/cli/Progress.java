package org.hprofdiff.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress on stderr. A person at a terminal sees one line redrawn in place; without a TTY, or with
 * {@code --quiet}, it is {@link #NONE} and prints nothing, so CI logs and redirected output stay clean;
 * {@code --progress} asks for it anyway, and where no terminal is it comes as {@link Steps}, whole lines a
 * log keeps readable.
 */
public sealed interface Progress permits Progress.None, Progress.Line, Progress.Steps {

    Progress NONE = new None();

    /** A new phase: {@code what} is shown, {@code total} is the amount of work (bytes), or 0 if unknown. */
    void start(String what, long total);

    /** Work done so far in the current phase. Cheap to call often: redraws at most ten times a second. */
    void update(long done);

    /** The phase is over: the line is cleared. */
    void finish();

    /** @param forced {@code --progress}: shown whatever the terminal and {@code --quiet} */
    static Progress of(Io io, boolean quiet, boolean forced) {
        if (forced) return io.interactive() ? new Line(io.err()) : new Steps(io.err());
        return io.interactive() && !quiet ? new Line(io.err()) : NONE;
    }

    final class None implements Progress {
        @Override public void start(String what, long total) {}
        @Override public void update(long done) {}
        @Override public void finish() {}
    }

    final class Line implements Progress {
        private static final long REDRAW_NANOS = 100_000_000L;
        private final PrintWriter err;
        private String what = "";
        private long total;
        private long lastDraw;
        private int drawnWidth;

        Line(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void start(String what, long total) {
            this.what = what;
            this.total = total;
            this.lastDraw = 0;
            draw(0);
        }

        @Override
        public void update(long done) {
            long now = System.nanoTime();
            if (now - lastDraw < REDRAW_NANOS) return;
            lastDraw = now;
            draw(done);
        }

        @Override
        public void finish() {
            if (drawnWidth > 0) {
                err.print("\r" + " ".repeat(drawnWidth) + "\r");
                err.flush();
                drawnWidth = 0;
            }
        }

        private void draw(long done) {
            String text = total > 0
                    ? String.format(Locale.ROOT, "%s %3d%%", what, Math.min(100, done * 100 / total))
                    : what + " ...";
            err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
            err.flush();
            drawnWidth = text.length();
        }
    }

    /** Whole lines, for a log: the phase, every tenth of it reached (when its size is known), and its end. */
    final class Steps implements Progress {
        private final PrintWriter err;
        private String what = "";
        private long total;
        private long tenths;

        Steps(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void start(String what, long total) {
            this.what = what;
            this.total = total;
            this.tenths = 0;
            line(what + " ...");
        }

        @Override
        public void update(long done) {
            if (total <= 0) return;
            long reached = Math.min(9, done * 10 / total);
            if (reached <= tenths) return;
            tenths = reached;
            line(what + " " + reached * 10 + "%");
        }

        @Override
        public void finish() {
            line(what + " done");
        }

        private void line(String text) {
            err.println(text);
            err.flush();
        }
    }
}
