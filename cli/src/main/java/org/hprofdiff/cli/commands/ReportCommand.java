package org.hprofdiff.cli.commands;

import static org.hprofdiff.core.summary.diff.Units.count;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hprofdiff.cli.ExitCode;
import org.hprofdiff.cli.Failure;
import org.hprofdiff.cli.Io;
import org.hprofdiff.cli.Output;
import org.hprofdiff.cli.options.CommonOptions;
import org.hprofdiff.cli.options.DumpOptions;
import org.hprofdiff.cli.options.Format;
import org.hprofdiff.cli.options.SeriesOptions;
import org.hprofdiff.cli.options.SizeModelOptions;
import org.hprofdiff.cli.options.TopOptions;
import org.hprofdiff.cli.render.Renderer;
import org.hprofdiff.cli.render.ReportText;
import org.hprofdiff.cli.render.Style;
import org.hprofdiff.cli.report.DiffReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = org.hprofdiff.cli.VersionProvider.class,
        parameterListHeading = "%nArguments:%n", synopsisHeading = "%nUsage: ", sortOptions = false,
        header = "Compare dumps and write the report in every format into a folder.",
        descriptionHeading = "%n",
        description = "Reads the dumps once, compares them as 'hprof-diff diff' does, and writes the same report as "
                + "report.txt, report.json, report.csv, report.md and report.html into DIR (created if missing; files of "
                + "these names are replaced). Prints the files it wrote, then the answer in one line; with --fail-on, the "
                + "breaches or that there were none. Exit codes as for diff.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  hprof-diff report -o reports/nightly day1.hprof day2.hprof day3.hprof",
            "  hprof-diff report -o out --fail-on rate:+10MB/h --baseline release.summary.json today.hprof"
        })
public final class ReportCommand implements Callable<Integer> {
    /** Every file the command writes, in this order, named {@code report.<extension>}. */
    static final Format[] FORMATS = {Format.TEXT, Format.JSON, Format.CSV, Format.MD, Format.HTML};

    private final Io io;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "The folder the reports go to (created if missing).")
    Path dir;

    @Mixin SeriesOptions series;
    @Mixin TopOptions top;
    @Mixin DumpOptions dump;
    @Mixin SizeModelOptions sizes;
    @Mixin CommonOptions common;

    public ReportCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        series.check();
        for (Format f : FORMATS) Output.checkNotAnInput(file(f), series.inputs());
        Output out = Output.forFiles(io, common);
        createFolder();
        DiffReport report = GrowthRun.compare(series, dump, sizes, out, top.rows());
        for (Format f : FORMATS) {
            Path file = file(f);
            Renderer renderer = Renderer.of(f, Style.PLAIN);
            Output.writeFile(file, w -> renderer.render(report, w));
            out.result("wrote " + file + " (" + f.id() + ", " + count(Files.size(file)) + " bytes)");
        }
        report.warnings().forEach(out::warn);
        out.result(report.verdict().summary());
        if (report.checks() != null) {
            if (report.breached()) {
                out.result(ReportText.breachesHeading(report) + ":");
                report.checks().breaches().forEach(b -> out.result("  " + b.line()));
            } else {
                out.result(ReportText.noBreach(report));
            }
        }
        return ExitCode.of(report.breached(), report.partial()).code;
    }

    Path file(Format f) {
        return dir.resolve("report." + f.extension());
    }

    /** Before any dump is read, so a folder that cannot be made costs no time. */
    private void createFolder() {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new Failure(ExitCode.USAGE, dir + ": not a folder; -o names the folder the reports go to");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Failure(ExitCode.ENVIRONMENT, dir + ": cannot create the folder (" + e.getMessage() + ")", e);
        }
    }
}
