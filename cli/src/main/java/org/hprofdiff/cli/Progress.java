package org.hprofdiff.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress on stderr. A person at a terminal sees one line redrawn in place, with the phase's percentage and the
 * time left ({@code [4/7] dominator tree 41% · 1 min 10 s left}); when stderr is not a TTY (or nobody is at the
 * terminal), or with {@code --quiet}, it is {@link #NONE} and prints nothing, so CI logs and redirected output stay clean; {@code --progress} asks for it
 * anyway, and where no terminal is it comes as {@link Steps}, one line per phase as it begins, which a log keeps.
 * Other lines for stderr (notes, warnings, {@code --verbose} details) go through {@link #line}, so that they do not
 * land in the middle of a drawn line. Thread-safe: the phases' worker threads report how far they are.
 */
public sealed interface Progress permits Progress.None, Progress.Line, Progress.Steps {

    Progress NONE = new None(new PrintWriter(java.io.Writer.nullWriter()));

    /** A new phase: {@code label} is shown, {@code total} is its amount of work, or 0 if unknown. */
    void start(String label, long total);

    /**
     * Work done so far in the current phase, from any thread; a value below one already reported (from a call
     * another overtook) is ignored. Cheap to call often: the line is redrawn at most ten times a second.
     */
    void update(long done);

    /** The phase is over: the line is cleared. */
    void finish();

    /** Writes a whole line to stderr, the progress line (if one is drawn) cleared first and drawn again after. */
    void line(String text);

    /** @param forced {@code --progress}: shown whatever the terminal and {@code --quiet} */
    static Progress of(Io io, boolean quiet, boolean forced) {
        if (forced) return io.errTerminal() ? new Line(io.err(), System::nanoTime) : new Steps(io.err());
        return io.errTerminal() && !quiet ? new Line(io.err(), System::nanoTime) : new None(io.err());
    }

    /** Shows nothing; lines still go out. */
    final class None implements Progress {
        private final PrintWriter err;

        None(PrintWriter err) {
            this.err = err;
        }

        @Override public void start(String label, long total) {}
        @Override public void update(long done) {}
        @Override public void finish() {}

        @Override
        public synchronized void line(String text) {
            err.println(text);
            err.flush();
        }
    }

    /** One line redrawn in place (a terminal). */
    final class Line implements Progress {
        static final long REDRAW_NANOS = 100_000_000L;
        /** The time left is shown once this share of the phase is done and this long has passed (a steadier rate). */
        static final double MIN_SHARE_FOR_ESTIMATE = 0.02;
        static final long MIN_NANOS_FOR_ESTIMATE = 2_000_000_000L;

        private final PrintWriter err;
        private final LongSupplier clock;
        private final AtomicLong done = new AtomicLong();
        private volatile long lastDraw;
        private String label = "";
        private long total;
        private long started;
        private int drawnWidth;
        private boolean active;

        /** @param clock nanoseconds (System::nanoTime; tests pass their own) */
        Line(PrintWriter err, LongSupplier clock) {
            this.err = err;
            this.clock = clock;
        }

        @Override
        public synchronized void start(String label, long total) {
            this.label = label;
            this.total = total;
            this.started = clock.getAsLong();
            this.done.set(0);
            this.active = true;
            draw();
        }

        @Override
        public void update(long value) {
            done.accumulateAndGet(value, Math::max);
            if (clock.getAsLong() - lastDraw < REDRAW_NANOS) return; // the common case, without the lock
            synchronized (this) {
                if (active && clock.getAsLong() - lastDraw >= REDRAW_NANOS) draw();
            }
        }

        @Override
        public synchronized void finish() {
            clear();
            active = false;
        }

        @Override
        public synchronized void line(String text) {
            clear();
            err.println(text);
            if (active) draw();
            else err.flush();
        }

        private void clear() {
            if (drawnWidth > 0) {
                err.print("\r" + " ".repeat(drawnWidth) + "\r");
                err.flush();
                drawnWidth = 0;
            }
        }

        private void draw() {
            long now = clock.getAsLong();
            lastDraw = now;
            String text = text(label, total, Math.min(done.get(), Math.max(total, 0)), now - started);
            err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
            err.flush();
            drawnWidth = text.length();
        }

        /** {@code label 41% · 1 min 10 s left}, or {@code label · 12 s} while the total is unknown. */
        static String text(String label, long total, long done, long elapsedNanos) {
            if (total <= 0) return elapsedNanos < 1_000_000_000L ? label : label + " · " + duration(elapsedNanos);
            double share = (double) done / total;
            String text = String.format(Locale.ROOT, "%s %d%%", label, (int) Math.floor(share * 100));
            if (share >= MIN_SHARE_FOR_ESTIMATE && elapsedNanos >= MIN_NANOS_FOR_ESTIMATE && done < total) {
                text += " · " + duration((long) (elapsedNanos * (1 - share) / share)) + " left";
            }
            return text;
        }

        /** 45 s, 1 min 10 s, 2 h 5 min. */
        static String duration(long nanos) {
            long s = Math.max(1, Math.round(nanos / 1e9));
            if (s < 60) return s + " s";
            if (s < 3600) return s / 60 + " min " + s % 60 + " s";
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
    }

    /** Whole lines, for a log: each phase once, as it begins. */
    final class Steps implements Progress {
        private final PrintWriter err;

        Steps(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void start(String label, long total) {
            line(label);
        }

        @Override public void update(long done) {}
        @Override public void finish() {}

        @Override
        public synchronized void line(String text) {
            err.println(text);
            err.flush();
        }
    }
}
