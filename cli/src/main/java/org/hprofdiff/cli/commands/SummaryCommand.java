package org.hprofdiff.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hprofdiff.cli.ExitCode;
import org.hprofdiff.cli.Failure;
import org.hprofdiff.cli.Io;
import org.hprofdiff.cli.Output;
import org.hprofdiff.cli.options.CommonOptions;
import org.hprofdiff.cli.options.DumpOptions;
import org.hprofdiff.cli.options.OutputOptions;
import org.hprofdiff.cli.options.PathOptions;
import org.hprofdiff.cli.options.SizeModelOptions;
import org.hprofdiff.core.read.DumpFormatException;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.SummaryJson;
import org.hprofdiff.core.summary.SummaryPaths;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.IndexOptions;
import org.hprofdiff.index.growth.SummaryWithPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "summary", mixinStandardHelpOptions = true, versionProvider = org.hprofdiff.cli.VersionProvider.class,
        parameterListHeading = "%nArguments:%n", synopsisHeading = "%nUsage: ", sortOptions = false,
        header = "Save dumps' summaries (JSON) that stand for them in later comparisons, paths included.",
        descriptionHeading = "%n",
        description = "Writes what a comparison needs of a dump, so that the dump can be deleted: every class's instance "
                + "count, shallow and retained bytes, long object arrays by length, the class loaders, totals, the size "
                + "model, the dump's time and whether it was read completely, and the retention paths of every class, "
                + "long array length and loader class big enough to matter (docs/growth-analysis.md, section 6). A summary "
                + "then stands for its dump anywhere in a series: 'hprof-diff day1.json day2.json today.hprof' gives the "
                + "answer the three dumps would. The paths come from the dump's index (built once, kept beside the dump "
                + "or under --index-dir, with its dominator tree and shortest paths); --no-paths writes the class totals "
                + "alone from one pass over the dump (such a summary compares by totals only). A few MB for a 40 GB dump. "
                + "With several dumps, -o names a folder and each summary is written there as NAME.summary.json. "
                + "The format is docs/json-schema/summary.schema.json.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  hprof-diff summary app-2024-05-01.hprof -o app-2024-05-01.summary.json",
            "  hprof-diff summary -o summaries/ app-*.hprof",
            "  hprof-diff summaries/app-2024-05-01.summary.json summaries/app-2024-05-02.summary.json app-2024-05-03.hprof",
            "  hprof-diff --baseline app-2024-05-01.summary.json app-2024-05-08.hprof"
        })
public final class SummaryCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(paramLabel = "DUMP", arity = "1..*", description = "One or more hprof files (.hprof, or gzip-compressed .hprof.gz).")
    List<Path> dumps;

    @Mixin OutputOptions.Json output;
    @Mixin DumpOptions dump;
    @Mixin SizeModelOptions sizes;
    @Mixin PathOptions paths;
    @Mixin CommonOptions common;

    public SummaryCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Path folder = folder();
        Output out = folder == null ? new Output(io, common, output) : Output.forFiles(io, common);
        out.checkNotAnInput(dumps);
        IndexOptions indexes = paths.index(dump, sizes, io.environment());
        DumpReader reader = new DumpReader(dump, sizes, indexes, out);
        boolean partial = false;
        for (Path path : dumps) {
            DumpSummary summary = summarize(path, reader, indexes, out);
            partial |= summary.completeness().partial();
            if (folder == null) {
                out.writeSummary(summary);
            } else {
                Path file = folder.resolve(name(path));
                Output.checkNotAnInput(file, dumps);
                Output.writeFile(file, w -> w.println(SummaryJson.toJson(summary)));
                out.result(String.format(Locale.ROOT, "wrote %s (%,d bytes)", file, Files.size(file)));
            }
        }
        return ExitCode.of(false, partial).code;
    }

    /** The dump's summary; with paths, from its index and analyses (built or reused), else from one pass. */
    private DumpSummary summarize(Path path, DumpReader reader, IndexOptions indexes, Output out) throws DumpFormatException, IOException {
        if (!paths.wanted()) return reader.read(path).summary();
        DumpSummary summary = reader.readIndexing(path).summary();
        IndexProgress progress = new IndexProgress(out).forDump(path.getFileName().toString());
        try (HeapAnalysis analysis = HeapAnalysis.open(path, indexes, paths.analysis(), progress)) {
            return SummaryWithPaths.of(summary, analysis, SummaryPaths.Floor.DEFAULT, progress);
        }
    }

    /** The folder summaries go to: with several dumps -o must name one; with one, when -o names an existing folder. */
    private Path folder() {
        Path o = output.output().orElse(null);
        if (dumps.size() == 1) return o != null && Files.isDirectory(o) ? o : null;
        if (o == null) throw new Failure(ExitCode.USAGE, "several dumps: -o must name the folder their summaries go to");
        if (Files.exists(o) && !Files.isDirectory(o)) throw new Failure(ExitCode.USAGE, o + ": not a folder; with several dumps -o names a folder");
        try {
            Files.createDirectories(o);
        } catch (IOException e) {
            throw new Failure(ExitCode.ENVIRONMENT, o + ": cannot create the folder (" + e.getMessage() + ")", e);
        }
        return o;
    }

    /** {@code app-2024-05-01.hprof.gz} → {@code app-2024-05-01.summary.json}. */
    static String name(Path dump) {
        String file = dump.getFileName().toString();
        String base = file.replaceFirst("(?i)(\\.hprof)?(\\.gz)?$", "");
        return (base.isEmpty() ? file : base) + ".summary.json";
    }
}
