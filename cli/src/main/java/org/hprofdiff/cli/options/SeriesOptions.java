package org.hprofdiff.cli.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What a comparison reads and checks, the same for {@code diff} and {@code report}: the dumps oldest first,
 * a saved summary that stands for the oldest dump ({@code --baseline}), and the {@code --fail-on} thresholds.
 */
public final class SeriesOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--baseline", paramLabel = "SUMMARY",
            description = "A saved summary (from 'hprof-diff summary DUMP -o SUMMARY') that stands for the oldest dump: "
                    + "compared as dump 1, before the DUMPs, without reading that dump again.")
    Path baseline;

    @Option(names = "--fail-on", paramLabel = "SPEC", converter = OptionValues.FailOnSpecs.class,
            description = "Exit 1 when a steady grower passes a threshold (repeatable, or comma-separated): "
                    + "count:+N (instances), bytes:+50MB, percent:+20, rate:+10MB/h, rate:+500/h (instances), class:REGEX.")
    List<String> failOn = new ArrayList<>();

    @Parameters(paramLabel = "DUMP", arity = "0..*",
            description = "hprof files of one program, oldest first: two or more, or one or more after --baseline.")
    List<Path> dumps = new ArrayList<>();

    public List<Path> dumps() { return dumps; }

    public Optional<Path> baseline() { return Optional.ofNullable(baseline); }

    /** The {@code --fail-on} specs as given, each already checked as it was parsed. */
    public List<String> thresholds() { return failOn; }

    /** Every file read: the baseline first, then the dumps (an output must name none of them). */
    public List<Path> inputs() {
        List<Path> all = new ArrayList<>();
        baseline().ifPresent(all::add);
        all.addAll(dumps);
        return all;
    }

    /** Usage errors before any work: too few dumps (each threshold was checked as it was parsed). */
    public void check() {
        int series = dumps.size() + (baseline == null ? 0 : 1);
        if (series < 2) {
            String why = dumps.isEmpty() && baseline == null
                    ? "expected two or more dumps to compare" + (command.parent() == null ? ", or a command (" + commands() + ")" : "")
                    : baseline != null
                            ? "expected one or more dumps to compare with the baseline " + baseline
                            : "expected two or more dumps to compare, got one; for one dump use 'hprof-diff histogram " + dumps.getFirst()
                                    + "', or compare it with a saved summary: --baseline SUMMARY";
            throw new ParameterException(command.commandLine(), why);
        }
    }

    private String commands() {
        return String.join(", ", command.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList());
    }
}
