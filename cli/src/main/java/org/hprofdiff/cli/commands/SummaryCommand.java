package org.hprofdiff.cli.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hprofdiff.cli.ExitCode;
import org.hprofdiff.cli.Io;
import org.hprofdiff.cli.Output;
import org.hprofdiff.cli.options.CommonOptions;
import org.hprofdiff.cli.options.DumpOptions;
import org.hprofdiff.cli.options.IndexLocationOptions;
import org.hprofdiff.cli.options.OutputOptions;
import org.hprofdiff.cli.options.SizeModelOptions;
import org.hprofdiff.core.summary.DumpSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "summary", mixinStandardHelpOptions = true, versionProvider = org.hprofdiff.cli.VersionProvider.class,
        parameterListHeading = "%nArguments:%n", synopsisHeading = "%nUsage: ", sortOptions = false,
        header = "Save one dump's summary (JSON) to compare against later with --baseline.",
        descriptionHeading = "%n",
        description = "Reads the dump once and writes what a comparison needs of it: every class's instance count and "
                + "shallow bytes, long object arrays by length, totals, the size model, the dump's time and whether it "
                + "was read completely. About 200 bytes per class where the dump has gigabytes: keep it, delete the dump, "
                + "and later run 'hprof-diff --baseline SUMMARY newer.hprof'. The format is docs/json-schema/summary.schema.json. "
                + "A dump already indexed is not read again: its index kept the summary.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  hprof-diff summary app-2024-05-01.hprof -o app-2024-05-01.summary.json",
            "  hprof-diff --baseline app-2024-05-01.summary.json app-2024-05-08.hprof",
            "  hprof-diff report -o weekly --baseline app-2024-05-01.summary.json app-2024-05-08.hprof"
        })
public final class SummaryCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(paramLabel = "DUMP", description = "An hprof file (.hprof, or gzip-compressed .hprof.gz).")
    Path path;

    @Mixin IndexLocationOptions location;
    @Mixin OutputOptions.Json output;
    @Mixin DumpOptions dump;
    @Mixin SizeModelOptions sizes;
    @Mixin CommonOptions common;

    public SummaryCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Output out = new Output(io, common, output);
        out.checkNotAnInput(List.of(path));
        DumpSummary summary = new DumpReader(dump, sizes, location.indexOptions(dump, sizes, io.environment()), out).read(path).summary();
        out.writeSummary(summary);
        return ExitCode.of(false, summary.completeness().partial()).code;
    }
}
