package org.hprofdiff.cli.options;

import picocli.CommandLine.Option;

/** Options every command has, with the same names everywhere. */
public final class CommonOptions {

    @Option(names = {"-q", "--quiet"}, description = "No progress and no notes on stderr (errors, warnings and breaches still print).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "What was read and how fast, on stderr; stack traces with errors.")
    boolean verbose;

    @Option(names = "--no-color", description = "No colour in text output (colour is used only on a terminal; NO_COLOR is honoured too).")
    boolean noColor;

    public boolean quiet() { return quiet; }

    public boolean verbose() { return verbose; }

    public boolean noColor() { return noColor; }
}
