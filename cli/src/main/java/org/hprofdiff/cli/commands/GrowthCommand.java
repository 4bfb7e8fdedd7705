package org.hprofdiff.cli.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hprofdiff.cli.ExitCode;
import org.hprofdiff.cli.Io;
import org.hprofdiff.cli.Output;
import org.hprofdiff.cli.options.CommonOptions;
import org.hprofdiff.cli.options.DumpOptions;
import org.hprofdiff.cli.options.OutputOptions;
import org.hprofdiff.cli.options.SizeModelOptions;
import org.hprofdiff.cli.options.TopOptions;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.core.summary.diff.failon.FailOn;
import org.hprofdiff.core.summary.diff.failon.FailOnSpecException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Class-level growth across dumps: the default command ({@code hprof-diff A B C}) and its explicit
 * alias ({@code hprof-diff diff A B C}) are this one class with two names.
 */
public abstract class GrowthCommand implements Callable<Integer> {
    /** Help text of both names; annotations cannot share arrays, so Main sets these on both. */
    public static final String[] DESCRIPTION = {
        "Compares periodic dumps of one program (oldest first) class by class: count and shallow bytes in each "
        + "dump, change first to last, whether it grew in every interval, and growth per hour from the dumps' times. "
        + "Steady growers (leak suspects) come first; growth that is not a leak (plateau, one-time start-up growth, "
        + "up-and-down noise) is labelled after them. With --fail-on, a breach exits with 1 and prints one line per breach."
    };
    public static final String[] EXAMPLES = {
        "  hprof-diff day1.hprof day2.hprof day3.hprof",
        "  hprof-diff --top 10 --format csv -o growth.csv day*.hprof",
        "  hprof-diff --fail-on count:+1000,rate:+10MB/h before.hprof after.hprof",
        "  hprof-diff --fail-on 'class:com\\.acme\\.' a.hprof b.hprof"
    };

    private final Io io;

    @Spec CommandSpec spec;

    @Option(names = "--fail-on", paramLabel = "SPEC",
            description = "Exit 1 when a steady grower passes a threshold (repeatable, or comma-separated): "
                    + "count:+N (instances), bytes:+50MB, percent:+20, rate:+10MB/h, rate:+500/h (instances), class:REGEX.")
    List<String> failOn = new ArrayList<>();

    @Parameters(paramLabel = "DUMP", arity = "0..*", description = "Two or more hprof files of the same program, oldest first.")
    List<Path> dumps = new ArrayList<>();

    @Mixin TopOptions top;
    @Mixin OutputOptions.Tables output;
    @Mixin DumpOptions dump;
    @Mixin SizeModelOptions sizes;
    @Mixin CommonOptions common;


    protected GrowthCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        if (dumps.size() < 2) {
            throw new ParameterException(spec.commandLine(), dumps.isEmpty()
                    ? "expected two or more dumps to compare, or a command (histogram, info, diff, demo)"
                    : "expected two or more dumps to compare, got one; for one dump use 'hprof-diff histogram " + dumps.getFirst() + "'");
        }
        try {
            FailOn.parse(failOn);
        } catch (FailOnSpecException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Output out = new Output(io, common, output);
        out.checkNotAnInput(dumps);
        DiffReport report = GrowthRun.compare(dumps, dump, sizes, out, top.limit().isPresent() ? top.limit().getAsInt() : null, failOn);
        out.write(report);
        GrowthRun.verdict(report, out);
        return ExitCode.of(report.breached(), report.partial()).code;
    }
}
