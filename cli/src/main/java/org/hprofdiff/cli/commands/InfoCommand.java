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
import org.hprofdiff.cli.options.ReferenceOptions;
import org.hprofdiff.cli.options.SizeModelOptions;
import org.hprofdiff.cli.report.InfoReport;
import org.hprofdiff.cli.report.ReachabilityCounts;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.index.HeapAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "info", mixinStandardHelpOptions = true, versionProvider = org.hprofdiff.cli.VersionProvider.class,
        parameterListHeading = "%nArguments:%n", synopsisHeading = "%nUsage: ", sortOptions = false,
        header = "What a dump is: format, size model, records, objects and GC roots by kind.",
        descriptionHeading = "%n",
        description = "Shows the header (format, id size, dump time), the size model inferred from the dump's addresses "
                + "(or given by options), top-level record counts, classes, objects and bytes by kind, GC roots by kind, "
                + "whether the file was complete, and which heap dump of several was read.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  hprof-diff info app.hprof",
            "  hprof-diff info --dump 2 agent-output.hprof",
            "  hprof-diff info --format json app.hprof.gz",
            "  hprof-diff info --reachability app.hprof"
        })
public final class InfoCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--reachability", description = "Also count the objects no GC root reaches (and those only weak references reach). "
            + "Builds the dump's index and dominator tree the first time and keeps them.")
    boolean reachability;

    @Parameters(paramLabel = "DUMP", description = "An hprof file (.hprof, or gzip-compressed .hprof.gz).")
    Path path;

    @Mixin ReferenceOptions references;
    @Mixin IndexLocationOptions location;
    @Mixin OutputOptions.Document output;
    @Mixin DumpOptions dump;
    @Mixin SizeModelOptions sizes;
    @Mixin CommonOptions common;

    public InfoCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Output out = new Output(io, common, output);
        out.checkNotAnInput(List.of(path));
        DumpReader reader = new DumpReader(dump, sizes, location.indexOptions(dump, sizes, io.environment()), out);
        DumpReader.Read read;
        ReachabilityCounts reach = null;
        if (reachability) {
            try (HeapAnalysis analysis = GraphSession.open(io, path, location, dump, sizes, references.analysisOptions(), out,
                    List.of(HeapAnalysis.DOMINATOR_TREE))) {
                read = reader.read(path, analysis.index());
                reach = ReachabilityCounts.of(analysis.reachability());
                GraphSession.noteComputed(analysis, out);
            }
        } else {
            read = reader.read(path);
        }
        DumpSummary s = read.summary();
        InfoReport report = new InfoReport(s.dump(), s.sizeModel(), read.records(), s.totals(), s.completeness(), reach);
        out.write(report);
        return ExitCode.of(false, s.completeness().partial()).code;
    }
}
