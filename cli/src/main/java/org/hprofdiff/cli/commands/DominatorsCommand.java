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
import org.hprofdiff.cli.options.TopOptions;
import org.hprofdiff.cli.report.DominatorsQuery;
import org.hprofdiff.cli.report.DominatorsReport;
import org.hprofdiff.index.HeapAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "dominators", mixinStandardHelpOptions = true, versionProvider = org.hprofdiff.cli.VersionProvider.class,
        parameterListHeading = "%nArguments:%n", synopsisHeading = "%nUsage: ", sortOptions = false,
        header = "The objects that keep the most memory alive: the top of the dump's dominator tree.",
        descriptionHeading = "%n",
        description = "An object dominates another when every path from the GC roots to it runs through the first; its retained "
                + "size is what the collector would free without it (docs/semantics.md). Lists the objects directly below the GC "
                + "roots in the dominator tree, most retained first, with shallow and retained bytes and the share of the heap; "
                + "--depth N shows the tree below each; --by class or package groups them. Builds the dump's index and the "
                + "dominator tree the first time and keeps them for later runs.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  hprof-diff dominators app.hprof",
            "  hprof-diff dominators --top 5 --depth 3 app.hprof",
            "  hprof-diff dominators --by package --format csv -o dominators.csv app.hprof",
            "  hprof-diff dominators --include-weak app.hprof      (as Eclipse MAT counts: referents retain)"
        })
public final class DominatorsCommand implements Callable<Integer> {
    private final Io io;

    @Spec CommandSpec spec;

    @Option(names = "--by", paramLabel = "KEY", defaultValue = "object",
            description = "One row per dominating 'object' (default), or the top-level dominators summed per 'class' or 'package'.")
    DominatorsReport.By by;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "0", converter = OptionValues.Levels.class, description = "Show the dominator tree N levels below each object (default 0).")
    int depth;

    @Option(names = "--children", paramLabel = "K", defaultValue = "5", converter = OptionValues.Children.class, description = "With --depth: the K largest children of each object (default 5).")
    int children;

    @Parameters(paramLabel = "DUMP", description = "An hprof file (.hprof).")
    Path path;

    @Mixin TopOptions top;
    @Mixin ReferenceOptions references;
    @Mixin IndexLocationOptions location;
    @Mixin OutputOptions.Tables output;
    @Mixin DumpOptions dump;
    @Mixin SizeModelOptions sizes;
    @Mixin CommonOptions common;

    public DominatorsCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        if (depth > 0 && by != DominatorsReport.By.OBJECT) throw new ParameterException(spec.commandLine(), "--depth needs --by object");
        Output out = new Output(io, common, output);
        out.checkNotAnInput(List.of(path));
        try (HeapAnalysis analysis = GraphSession.open(io, path, location, dump, sizes, references.analysisOptions(), out,
                List.of(HeapAnalysis.DOMINATOR_TREE))) {
            DominatorsReport report = DominatorsQuery.run(analysis, path.toString(), dump.dumpNumber(),
                    new DominatorsReport.Query(by, top.rows(), depth, children));
            GraphSession.noteComputed(analysis, out);
            out.write(report);
            return ExitCode.of(false, report.heap().completeness().partial()).code;
        }
    }
}
