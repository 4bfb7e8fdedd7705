package org.hprofdiff.cli.options;

import picocli.CommandLine.Option;

/** Options every command has, with the same names everywhere. */
public final class CommonOptions {

    @Option(names = {"-q", "--quiet"}, description = "No progress and no notes on stderr (errors, warnings and breaches still print).")
    boolean quiet;

    @Option(names = "--progress", description = "Show progress on stderr even without a terminal (as lines a log can keep: "
            + "each dump's start, every tenth of it, its end); overrides --quiet for progress.")
    boolean progress;

    @Option(names = {"-v", "--verbose"}, description = "What was read and how fast, on stderr; stack traces with errors.")
    boolean verbose;

    @Option(names = "--no-color", description = "No colour in text output (colour is used only on a terminal; NO_COLOR is honoured too).")
    boolean noColor;

    public boolean quiet() { return quiet; }

    public boolean verbose() { return verbose; }

    /** Progress was asked for, terminal or not. */
    public boolean progress() { return progress; }

    public boolean noColor() { return noColor; }
}
