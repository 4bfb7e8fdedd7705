package org.hprofdiff.cli.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
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
import org.hprofdiff.cli.report.PathsQuery;
import org.hprofdiff.cli.report.PathsReport;
import org.hprofdiff.index.HeapAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "paths", mixinStandardHelpOptions = true, versionProvider = org.hprofdiff.cli.VersionProvider.class,
        parameterListHeading = "%nArguments:%n", synopsisHeading = "%nUsage: ", sortOptions = false,
        header = "What holds the instances of a class: their shortest paths from the GC roots, merged into one tree.",
        descriptionHeading = "%n",
        description = "Takes each instance of the classes whose Java name matches REGEX, its shortest path from the GC roots "
                + "(an object a static field refers to starts at that field), and merges the paths by their steps' class and field "
                + "names: a tree, root first, with the number of instances and the bytes they retain at every step, most retained "
                + "first. Hash-bucket and list chains (Node.next repeated) are one step, 'Node.next+'. Builds the dump's index, "
                + "dominator tree and paths the first time and keeps them for later runs (docs/semantics.md, sections 9-10).",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  hprof-diff paths --class 'PoolingHttpClientConnectionManager$' app.hprof",
            "  hprof-diff paths --class 'com\\.example\\..*Listener' --top 5 app.hprof",
            "  hprof-diff paths --class 'byte\\[\\]' --include-weak --format json app.hprof"
        })
public final class PathsCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--class", paramLabel = "REGEX", required = true, converter = OptionValues.Regex.class,
            description = "Classes whose Java name contains a match (java.util.HashMap$Node, byte[]); anchor with ^ and $ for one class.")
    String classPattern;

    @Parameters(paramLabel = "DUMP", description = "An hprof file (.hprof).")
    Path path;

    @Mixin TopOptions top;
    @Mixin ReferenceOptions references;
    @Mixin IndexLocationOptions location;
    @Mixin OutputOptions.Document output;
    @Mixin DumpOptions dump;
    @Mixin SizeModelOptions sizes;
    @Mixin CommonOptions common;

    public PathsCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Pattern pattern = Pattern.compile(classPattern); // checked as it was parsed
        Output out = new Output(io, common, output);
        out.checkNotAnInput(List.of(path));
        try (HeapAnalysis analysis = GraphSession.open(io, path, location, dump, sizes, references.analysisOptions(), out,
                List.of(HeapAnalysis.DOMINATOR_TREE, HeapAnalysis.SHORTEST_PATHS))) {
            PathsReport report = PathsQuery.run(analysis, path.toString(), dump.dumpNumber(), pattern, top.rows());
            GraphSession.noteComputed(analysis, out);
            out.write(report);
            return ExitCode.of(false, report.heap().completeness().partial()).code;
        }
    }
}
