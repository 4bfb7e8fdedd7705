package org.hprofdiff.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hprofdiff.cli.options.CommonOptions;
import org.hprofdiff.cli.options.Format;
import org.hprofdiff.cli.options.OutputOptions;
import org.hprofdiff.cli.render.Renderer;
import org.hprofdiff.cli.render.Style;
import org.hprofdiff.cli.report.Report;

/**
 * Where a command's results and messages go. The report goes to stdout or {@code --output}; warnings
 * also go to stderr unless the text report on the terminal already shows them, so a JSON file or a
 * redirected CSV never hides a partial read. Notes (what was done, where files are) go to stderr.
 */
public final class Output {
    private final Io io;
    private final CommonOptions common;
    private final OutputOptions options;

    public Output(Io io, CommonOptions common, OutputOptions options) {
        this.io = io;
        this.common = common;
        this.options = options;
    }

    /**
     * Refuses an {@code --output} that is one of the inputs: the dump is never written. Called before any
     * work so a slip of the fingers costs nothing.
     */
    public void checkNotAnInput(List<Path> inputs) {
        Path target = options.output().orElse(null);
        if (target == null || !Files.exists(target)) return;
        for (Path in : inputs) {
            try {
                if (Files.exists(in) && Files.isSameFile(target, in)) {
                    throw new Failure(ExitCode.USAGE, target + ": --output names an input dump; refusing to overwrite it");
                }
            } catch (IOException e) {
                // the inputs are checked again when they are opened
            }
        }
    }

    public void write(Report report) {
        Renderer renderer = Renderer.of(options.format(), style());
        Path target = options.output().orElse(null);
        if (target == null) {
            renderer.render(report, io.out());
            io.out().flush();
        } else {
            try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8); PrintWriter pw = new PrintWriter(w)) {
                renderer.render(report, pw);
                if (pw.checkError()) throw new IOException("write failed");
            } catch (IOException e) {
                throw new Failure(ExitCode.ENVIRONMENT, target + ": cannot write the report (" + e.getMessage() + ")", e);
            }
            note("wrote " + options.format().id() + " to " + target);
        }
        if (!textOnStdout()) {
            for (String w : report.warnings()) warn(w);
        }
    }

    /** A line that must be seen whatever the format: the report's own output may not show it. */
    public void warn(String line) {
        io.err().println(Errors.PREFIX + "warning: " + line);
        io.err().flush();
    }

    /** A line about what was done; silenced by {@code --quiet}. */
    public void note(String line) {
        if (common.quiet()) return;
        io.err().println(Errors.PREFIX + line);
        io.err().flush();
    }

    /** A line that is part of the outcome (a breach, "no threshold breached"), shown on stderr unless the text report shows it. */
    public void verdict(String line) {
        if (textOnStdout()) return;
        io.err().println(Errors.PREFIX + line);
        io.err().flush();
    }

    /** A line for {@code --verbose} only: what was read and how fast. */
    public void detail(String line) {
        if (!common.verbose()) return;
        io.err().println(Errors.PREFIX + line);
        io.err().flush();
    }

    public Progress progress() {
        return Progress.of(io, common.quiet());
    }

    private boolean textOnStdout() {
        return options.format() == Format.TEXT && options.output().isEmpty();
    }

    private Style style() {
        boolean colour = options.format() == Format.TEXT && options.output().isEmpty() && io.colourAllowed() && !common.noColor();
        return new Style(colour);
    }
}
