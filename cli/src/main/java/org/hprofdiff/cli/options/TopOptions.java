package org.hprofdiff.cli.options;

import picocli.CommandLine.Option;

/** How many rows a ranked table shows. */
public final class TopOptions {

    @Option(names = "--top", paramLabel = "N", converter = OptionValues.Rows.class, description = "Show the first N rows (default: 25).")
    int top = 25;

    @Option(names = "--all", description = "Show every row (overrides --top).")
    boolean all;

    /** Rows per table, or null for all rows (as reports hold it). */
    public Integer rows() {
        return all ? null : top;
    }
}
