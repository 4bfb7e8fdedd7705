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
import org.hprofdiff.cli.report.HistogramQuery;
import org.hprofdiff.cli.report.HistogramReport;
import org.hprofdiff.cli.report.RetainedColumn;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.cli.report.HistogramReport.GroupBy;
import org.hprofdiff.cli.report.HistogramReport.SortBy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "histogram", mixinStandardHelpOptions = true, versionProvider = org.hprofdiff.cli.VersionProvider.class,
        parameterListHeading = "%nArguments:%n", synopsisHeading = "%nUsage: ", sortOptions = false,
        header = "Objects and shallow bytes per class in one dump.",
        descriptionHeading = "%n",
        description = "Counts every object the dump holds (reachable or not: --retained adds how many are unreachable, and what "
                + "each row retains), "
                + "per class (name + defining loader), largest shallow size first. Shallow sizes are computed as the JVM "
                + "counts them (GC.class_histogram); 'info' shows the size model used.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  hprof-diff histogram app.hprof",
            "  hprof-diff histogram --top 10 --filter 'HttpClient|Connection' app.hprof.gz",
            "  hprof-diff histogram --group-by package --sort count app.hprof",
            "  hprof-diff histogram --arrays-by-length --filter 'HashMap\\$Node' app.hprof",
            "  hprof-diff histogram --retained --sort retained --top 10 app.hprof",
            "  hprof-diff histogram --all --format csv -o histo.csv app.hprof"
        })
public final class HistogramCommand implements Callable<Integer> {
    private final Io io;

    @Spec CommandSpec spec;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "shallow", description = "Rank by 'shallow' bytes (default), instance 'count', or 'retained' bytes (with --retained).")
    SortBy sortBy;

    @Option(names = "--filter", paramLabel = "REGEX", converter = OptionValues.Regex.class, description = "Only classes whose Java name contains a match, e.g. 'java\\.util\\.' or 'Connection$'.")
    String filter;

    @Option(names = "--group-by", paramLabel = "KEY", defaultValue = "class", description = "One row per 'class' (default), 'package' or class 'loader'.")
    GroupBy groupBy;

    @Option(names = "--arrays-by-length", description = "Split long object arrays into one row per length, e.g. java.util.HashMap$Node[16384].")
    boolean arraysByLength;

    @Option(names = "--retained", description = "Add each row's retained bytes (MAT's class-level retained size) and the dump's "
            + "reachability (unreachable objects counted apart). Builds the dump's index and dominator tree the first time and keeps them.")
    boolean retained;

    @Parameters(paramLabel = "DUMP", description = "An hprof file (.hprof, or gzip-compressed .hprof.gz).")
    Path path;

    @Mixin ReferenceOptions references;
    @Mixin IndexLocationOptions location;
    @Mixin TopOptions top;
    @Mixin OutputOptions.Tables output;
    @Mixin DumpOptions dump;
    @Mixin SizeModelOptions sizes;
    @Mixin CommonOptions common;

    public HistogramCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        if (arraysByLength && groupBy != GroupBy.CLASS) {
            throw new ParameterException(spec.commandLine(), "--arrays-by-length needs --group-by class");
        }
        if (sortBy == SortBy.RETAINED && !retained) throw new ParameterException(spec.commandLine(), "--sort retained needs --retained");
        Output out = new Output(io, common, output);
        out.checkNotAnInput(List.of(path));
        DumpReader reader = new DumpReader(dump, sizes, location.indexOptions(dump, sizes, io.environment()), out);
        HistogramReport.Query query = new HistogramReport.Query(groupBy, sortBy, filter, top.rows(), arraysByLength);
        HistogramReport report;
        if (retained) {
            // the graph is needed anyway: its index (built first if need be) holds the summary too
            try (HeapAnalysis analysis = GraphSession.open(io, path, location, dump, sizes, references.analysisOptions(), out,
                    List.of(HeapAnalysis.DOMINATOR_TREE))) {
                RetainedColumn.Applied applied = RetainedColumn.of(analysis, reader.read(path, analysis.index()).summary(), groupBy);
                GraphSession.noteComputed(analysis, out);
                report = HistogramQuery.run(applied.summary(), query, applied.column());
            }
        } else {
            report = HistogramQuery.run(reader.read(path).summary(), query);
        }
        out.write(report);
        return ExitCode.of(false, report.completeness().partial()).code;
    }
}
