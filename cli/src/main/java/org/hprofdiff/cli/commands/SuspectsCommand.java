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
import org.hprofdiff.cli.options.OptionValues;
import org.hprofdiff.cli.options.OutputOptions;
import org.hprofdiff.cli.options.ReferenceOptions;
import org.hprofdiff.cli.options.SizeModelOptions;
import org.hprofdiff.cli.report.SuspectsQuery;
import org.hprofdiff.cli.report.SuspectsReport;
import org.hprofdiff.index.HeapAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "suspects", mixinStandardHelpOptions = true, versionProvider = org.hprofdiff.cli.VersionProvider.class,
        parameterListHeading = "%nArguments:%n", synopsisHeading = "%nUsage: ", sortOptions = false,
        header = "Leak suspects in one dump, as Eclipse MAT's report finds them.",
        descriptionHeading = "%n",
        description = "Single objects that retain more than a share of the heap (default 10%%), each with the path that holds it "
                + "and the object below it where the retained bytes accumulate (where no child keeps 70%% of its parent's); then "
                + "classes whose instances directly below the GC roots retain more than the share together, with the path most of "
                + "them share. One dump shows what is big; compare dumps ('hprof-diff A B C') to see what grows. "
                + "Builds the dump's index, dominator tree and paths the first time and keeps them (docs/semantics.md, section 11).",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  hprof-diff suspects app.hprof",
            "  hprof-diff suspects --threshold 5 --format json app.hprof"
        })
public final class SuspectsCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "10", converter = OptionValues.Percentage.class,
            description = "Share of the heap, in percent, that a suspect retains at least (default 10, as MAT).")
    double threshold;

    @Parameters(paramLabel = "DUMP", description = "An hprof file (.hprof).")
    Path path;

    @Mixin ReferenceOptions references;
    @Mixin IndexLocationOptions location;
    @Mixin OutputOptions.Document output;
    @Mixin DumpOptions dump;
    @Mixin SizeModelOptions sizes;
    @Mixin CommonOptions common;

    public SuspectsCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Output out = new Output(io, common, output);
        out.checkNotAnInput(List.of(path));
        try (HeapAnalysis analysis = GraphSession.open(io, path, location, dump, sizes, references.analysisOptions(), out,
                List.of(HeapAnalysis.DOMINATOR_TREE, HeapAnalysis.SHORTEST_PATHS))) {
            SuspectsReport report = SuspectsQuery.run(analysis, path.toString(), dump.dumpNumber(), threshold);
            GraphSession.noteComputed(analysis, out);
            out.write(report);
            return ExitCode.of(false, report.heap().completeness().partial()).code;
        }
    }
}
