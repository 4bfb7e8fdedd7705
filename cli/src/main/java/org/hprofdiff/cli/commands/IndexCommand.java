package org.hprofdiff.cli.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hprofdiff.cli.ExitCode;
import org.hprofdiff.cli.Io;
import org.hprofdiff.cli.Output;
import org.hprofdiff.cli.options.CommonOptions;
import org.hprofdiff.cli.options.DumpOptions;
import org.hprofdiff.cli.options.IndexLocationOptions;
import org.hprofdiff.cli.options.OutputOptions;
import org.hprofdiff.cli.options.SizeModelOptions;
import org.hprofdiff.cli.report.IndexReport;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.IndexManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "index", mixinStandardHelpOptions = true, versionProvider = org.hprofdiff.cli.VersionProvider.class,
        parameterListHeading = "%nArguments:%n", synopsisHeading = "%nUsage: ", sortOptions = false,
        header = "Build a dump's on-disk index of its object graph (or reuse it), and check it.",
        descriptionHeading = "%n",
        description = "The graph commands (dominators, paths, suspects, histogram --retained) build the index themselves the first "
                + "time; this command does only that and shows what the index holds: where it is, objects, references, classes, "
                + "GC roots, its size and build times, and the graph results stored with it. A second run reuses the index and says so. "
                + "--verify reads all of it: checksums and structure, and the stored results; exit 4 when it is damaged (delete it "
                + "and the next command rebuilds it).",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  hprof-diff index app.hprof",
            "  hprof-diff index --index-dir /fast/disk/indexes app.hprof",
            "  hprof-diff index --verify app.hprof"
        })
public final class IndexCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--verify", description = "Read the whole index and check it (checksums, structure, stored results); exit 4 when damaged.")
    boolean verify;

    @Parameters(paramLabel = "DUMP", description = "An hprof file (.hprof).")
    Path path;

    @Mixin IndexLocationOptions location;
    @Mixin OutputOptions.Document output;
    @Mixin DumpOptions dump;
    @Mixin SizeModelOptions sizes;
    @Mixin CommonOptions common;

    public IndexCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Output out = new Output(io, common, output);
        out.checkNotAnInput(List.of(path));
        long started = System.nanoTime();
        try (HeapAnalysis analysis = GraphSession.open(io, path, location, dump, sizes, HeapAnalysis.Options.DEFAULT, out, List.of())) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            IndexReport.Verify checked = null;
            if (verify) {
                List<String> problems = analysis.verify();
                checked = new IndexReport.Verify(problems.isEmpty(), problems);
            }
            IndexManifest m = analysis.index().manifest();
            Map<String, Long> phases = new LinkedHashMap<>();
            m.phases().forEach(p -> phases.put(p.name(), p.wallMillis()));
            Path dir = analysis.index().location();
            IndexReport report = new IndexReport(path.toString(), Files.size(path), dir.toString(), analysis.indexBuilt(), millis,
                    analysis.index().objectCount(), analysis.index().edgeCount(), analysis.index().classes().size(), analysis.index().roots().size(),
                    m.counts().missingReferences(), analysis.indexBytes(), phases, analysis.storedResults(), checked, analysis.index().completeness());
            out.write(report);
            if (checked != null && !checked.ok()) return ExitCode.BAD_INPUT.code;
            return ExitCode.of(false, report.completeness().partial()).code;
        }
    }

}
