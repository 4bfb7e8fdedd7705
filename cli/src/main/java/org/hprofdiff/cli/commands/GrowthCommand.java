package org.hprofdiff.cli.commands;

import java.util.concurrent.Callable;
import org.hprofdiff.cli.ExitCode;
import org.hprofdiff.cli.Io;
import org.hprofdiff.cli.Output;
import org.hprofdiff.cli.options.CommonOptions;
import org.hprofdiff.cli.options.DumpOptions;
import org.hprofdiff.cli.options.OutputOptions;
import org.hprofdiff.cli.options.SeriesOptions;
import org.hprofdiff.cli.options.SizeModelOptions;
import org.hprofdiff.cli.options.TopOptions;
import org.hprofdiff.cli.report.DiffReport;
import picocli.CommandLine.Mixin;

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
        + "up-and-down noise) is labelled after them. With --fail-on, a breach exits with 1 and prints one line per breach. "
        + "--baseline compares against a summary saved earlier with 'hprof-diff summary' instead of a dump."
    };
    public static final String[] EXAMPLES = {
        "  hprof-diff day1.hprof day2.hprof day3.hprof",
        "  hprof-diff --top 10 --format csv -o growth.csv day*.hprof",
        "  hprof-diff --fail-on count:+1000,rate:+10MB/h before.hprof after.hprof",
        "  hprof-diff --fail-on 'class:com\\.acme\\.' a.hprof b.hprof",
        "  hprof-diff summary day1.hprof -o day1.summary.json",
        "  hprof-diff --baseline day1.summary.json day2.hprof day3.hprof"
    };

    private final Io io;

    @Mixin SeriesOptions series;
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
        series.check();
        Output out = new Output(io, common, output);
        out.checkNotAnInput(series.inputs());
        DiffReport report = GrowthRun.compare(series, dump, sizes, out, top.rows());
        out.write(report);
        GrowthRun.verdict(report, out);
        return ExitCode.of(report.breached(), report.partial()).code;
    }
}
