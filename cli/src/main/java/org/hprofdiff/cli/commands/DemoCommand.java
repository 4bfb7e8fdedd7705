package org.hprofdiff.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.hprofdiff.cli.ExitCode;
import org.hprofdiff.cli.Failure;
import org.hprofdiff.cli.Io;
import org.hprofdiff.cli.Output;
import org.hprofdiff.cli.Progress;
import org.hprofdiff.cli.options.CommonOptions;
import org.hprofdiff.cli.options.DumpOptions;
import org.hprofdiff.cli.options.OutputOptions;
import org.hprofdiff.cli.options.PathOptions;
import org.hprofdiff.cli.options.SizeModelOptions;
import org.hprofdiff.cli.options.TopOptions;
import org.hprofdiff.cli.report.DemoReport;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.testdata.scenarios.Jdks;
import org.hprofdiff.testdata.scenarios.Scenario;
import org.hprofdiff.testdata.scenarios.ScenarioFailedException;
import org.hprofdiff.testdata.scenarios.ScenarioLaunch;
import org.hprofdiff.testdata.scenarios.ScenarioRun;
import org.hprofdiff.testdata.scenarios.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = org.hprofdiff.cli.VersionProvider.class,
        parameterListHeading = "%nArguments:%n", synopsisHeading = "%nUsage: ", sortOptions = false,
        header = "See it find a leak: makes three small dumps of a leaking program and compares them.",
        descriptionHeading = "%n",
        description = "Runs a small look-alike of a real incident in a child JVM (this same JDK): a static connection "
                + "reaper that keeps every leaked HTTP connection pool, with its sockets and 8 KB buffers, beside benign "
                + "churn (a cache that fills then stays flat, a sample that goes up and down). It takes three heap dumps "
                + "a second apart and compares them as 'hprof-diff A B C' would. Takes a few seconds.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  hprof-diff demo",
            "  hprof-diff demo --keep demo-dumps",
            "  hprof-diff histogram --top 10 demo-dumps/connection-reaper-3.hprof"
        })
public final class DemoCommand implements Callable<Integer> {
    static final Scenario SCENARIO = Scenario.CONNECTION_REAPER;
    static final int ROUNDS = 3;
    /** Time between rounds, so the dumps' timestamps differ and growth per hour can be computed. */
    static final long INTERVAL_MILLIS = 1000;

    private final Io io;


    @Option(names = "--keep", paramLabel = "DIR", description = "Write the dumps to DIR and keep them (default: a temporary folder, deleted afterwards).")
    Path keep;

    @Mixin TopOptions top;
    @Mixin OutputOptions.Tables output;
    @Mixin CommonOptions common;

    public DemoCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Output out = new Output(io, common, output);
        long started = System.nanoTime();
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("hprof-diff-demo-");
        boolean succeeded = false;
        try {
            ScenarioRun run = runScenario(dir, out.progress());
            DiffReport diff = GrowthRun.compare(io, run.dumps().stream().<GrowthRun.Input>map(GrowthRun.Dump::new).toList(), new DumpOptions(), new SizeModelOptions(), PathOptions.defaults(), out,
                    top.rows(), List.of());
            double seconds = (System.nanoTime() - started) / 1e9;
            out.write(new DemoReport(SCENARIO.id(), ROUNDS + " rounds, " + run.leakPerRound() + " " + SCENARIO.leakUnit() + " leaked per round",
                    run.javaVersion(), run.dumps().stream().map(Path::toString).toList(), keep != null, seconds, diff));
            succeeded = true;
            return ExitCode.of(false, diff.partial()).code;
        } finally {
            if (keep == null && succeeded) deleteTree(dir);
            else if (keep == null) out.warn("the demo's files are left in " + dir + " for a look at what went wrong");
        }
    }

    private ScenarioRun runScenario(Path dir, Progress progress) throws IOException, InterruptedException {
        progress.start("demo: running " + SCENARIO.id() + " in a child JVM (" + ROUNDS + " dumps)", 0);
        try {
            return ScenarioRunner.run(ScenarioLaunch.of(SCENARIO, Jdks.current(), ROUNDS, dir).withIntervalMillis(INTERVAL_MILLIS));
        } catch (ScenarioFailedException e) {
            String firstLine = e.getMessage().lines().findFirst().orElse("failed");
            throw new Failure(ExitCode.ENVIRONMENT, "demo: the child JVM failed: " + firstLine, e);
        } finally {
            progress.finish();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
