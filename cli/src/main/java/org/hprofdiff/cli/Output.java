package org.hprofdiff.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.hprofdiff.cli.options.CommonOptions;
import org.hprofdiff.cli.options.Format;
import org.hprofdiff.cli.options.OutputOptions;
import org.hprofdiff.cli.render.Renderer;
import org.hprofdiff.cli.render.Style;
import org.hprofdiff.cli.report.Report;
import org.hprofdiff.cli.report.Warnings;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.SummaryJson;

/**
 * Where a command's results and messages go. The report goes to stdout or {@code --output}; warnings
 * also go to stderr unless the text report on the terminal already shows them, so a JSON file or a
 * redirected CSV never hides a partial read. Notes (what was done, where files are) go to stderr.
 */
public final class Output {
    private final Io io;
    private final CommonOptions common;
    /** The one report's format, or null for a command that writes files of its own ({@code report}). */
    private final Format format;
    /** {@code --output}, or null for stdout. */
    private final Path target;
    /** The run's one progress display (made on first use); stderr lines go through it so they never land inside a drawn line. */
    private Progress progress;
    private Phases phases;

    public Output(Io io, CommonOptions common, OutputOptions options) {
        this(io, common, options.format(), options.output().orElse(null));
    }

    private Output(Io io, CommonOptions common, Format format, Path target) {
        this.io = io;
        this.common = common;
        this.format = format;
        this.target = target;
    }

    /** For a command that writes several files itself ({@code report}): stdout gets its own lines, never a report. */
    public static Output forFiles(Io io, CommonOptions common) {
        return new Output(io, common, null, null);
    }

    /**
     * Refuses an {@code --output} that is one of the inputs: the dump is never written. Called before any
     * work so a slip of the fingers costs nothing.
     */
    public void checkNotAnInput(List<Path> inputs) {
        if (target != null) checkNotAnInput(target, inputs);
    }

    /** Refuses to write {@code file} when it is one of the inputs. */
    public static void checkNotAnInput(Path file, List<Path> inputs) {
        if (!Files.exists(file)) return;
        for (Path in : inputs) {
            try {
                if (Files.exists(in) && Files.isSameFile(file, in)) {
                    throw new Failure(ExitCode.USAGE, file + ": --output names an input; refusing to overwrite it");
                }
            } catch (IOException e) {
                // the inputs are checked again when they are opened
            }
        }
    }

    /** The report in the chosen format, to stdout or {@code --output}; its warnings on stderr when the output does not show them. */
    public void write(Report report) {
        phases().finish();
        Renderer renderer = Renderer.of(format, style());
        emit(out -> renderer.render(report, out), format.id());
        if (!textOnStdout()) report.warnings().forEach(this::warn);
    }

    /** A dump's summary as the JSON that {@code --baseline} reads back, to stdout or {@code --output}. */
    public void writeSummary(DumpSummary summary) {
        phases().finish();
        // SummaryJson's own writers close what they write to, which must not happen to stdout.
        emit(out -> out.println(SummaryJson.toJson(summary)), "summary");
        Warnings.of(summary.completeness()).forEach(this::warn);
    }

    private void emit(Consumer<PrintWriter> body, String what) {
        if (target == null) {
            body.accept(io.out());
            io.out().flush();
        } else {
            writeFile(target, body);
            note("wrote " + what + " to " + target);
        }
    }

    /** Writes {@code file} (UTF-8) with what {@code body} prints; a failure is the user's to fix (exit 3), in one line. */
    public static void writeFile(Path file, Consumer<PrintWriter> body) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); PrintWriter pw = new PrintWriter(w)) {
            body.accept(pw);
            if (pw.checkError()) throw new IOException("write failed");
        } catch (IOException e) {
            String why = switch (e) {
                case java.nio.file.NoSuchFileException x -> "its folder does not exist";
                case java.nio.file.AccessDeniedException x -> "permission denied";
                default -> e.getMessage();
            };
            throw new Failure(ExitCode.ENVIRONMENT, file + ": cannot write it (" + why + ")", e);
        }
    }

    /** A line of the command's own result on stdout, for commands whose result is not one report ({@code report} lists its files). */
    public void result(String line) {
        phases().finish();
        io.out().println(line);
        io.out().flush();
    }

    /** A line that must be seen whatever the format: the report's own output may not show it. */
    public void warn(String line) {
        progress().line(Errors.PREFIX + "warning: " + line);
    }

    /** A line about what was done; silenced by {@code --quiet}. */
    public void note(String line) {
        if (common.quiet()) return;
        progress().line(Errors.PREFIX + line);
    }

    /** A line that is part of the outcome (a breach, "no threshold breached"), shown on stderr unless the text report shows it. */
    public void verdict(String line) {
        if (textOnStdout()) return;
        progress().line(Errors.PREFIX + line);
    }

    /** A line for {@code --verbose} only: what was read and how fast, what each phase cost. */
    public void detail(String line) {
        if (!common.verbose()) return;
        progress().line(Errors.PREFIX + line);
    }

    /** Whether {@code --verbose} lines are wanted (what measuring them costs is then worth it). */
    public boolean verbose() {
        return common.verbose();
    }

    /** The run's progress display on stderr (one for the whole run). */
    public synchronized Progress progress() {
        if (progress == null) progress = Progress.of(io, common.quiet(), common.progress());
        return progress;
    }

    /** The run's phases on that display (one for the whole run). */
    public synchronized Phases phases() {
        if (phases == null) phases = new Phases(progress(), this);
        return phases;
    }

    private boolean textOnStdout() {
        return format == Format.TEXT && target == null;
    }

    private Style style() {
        return new Style(textOnStdout() && io.colourAllowed() && !common.noColor());
    }
}
