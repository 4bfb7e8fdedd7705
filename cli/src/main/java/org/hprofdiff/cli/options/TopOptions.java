package org.hprofdiff.cli.options;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How many rows a ranked table shows. */
public final class TopOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private int top = 25;

    @Option(names = "--all", description = "Show every row (overrides --top).")
    boolean all;

    @Option(names = "--top", paramLabel = "N", description = "Show the first N rows (default: 25).")
    void setTop(int n) {
        if (n < 1) throw new ParameterException(command.commandLine(), "--top " + n + ": expected a number of rows >= 1 (or --all)");
        top = n;
    }

    /** Rows per table, or null for all rows (as reports hold it). */
    public Integer rows() {
        return all ? null : top;
    }
}
