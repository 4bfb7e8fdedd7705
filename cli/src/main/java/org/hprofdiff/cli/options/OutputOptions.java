package org.hprofdiff.cli.options;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --format} and {@code --output}. The subclasses only say which formats a command renders, so
 * the option's help lists exactly those; the checking lives here once.
 */
public abstract sealed class OutputOptions permits OutputOptions.Tables, OutputOptions.Document, OutputOptions.Json {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** As asked with {@code --format}, or null for the command's default. */
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the result to FILE instead of stdout.")
    Path output;

    abstract Set<Format> supported();

    /** What the command writes without {@code --format}. */
    Format defaultFormat() { return Format.TEXT; }

    public Format format() { return format != null ? format : defaultFormat(); }

    public Optional<Path> output() { return Optional.ofNullable(output); }

    void format(Format requested) {
        if (!supported().contains(requested)) {
            throw new ParameterException(command.commandLine(), "--format " + requested.id() + " is not available for '"
                    + command.name() + "'; expected one of " + Format.list(supported()));
        }
        format = requested;
    }

    /** Commands whose results are tables: text, CSV, JSON, Markdown or HTML. */
    public static final class Tables extends OutputOptions {
        @Option(names = "--format", paramLabel = "FORMAT", converter = Format.Converter.class,
                description = "text (default), csv, json, md or html.")
        void setFormat(Format f) { format(f); }

        @Override
        Set<Format> supported() { return Set.of(Format.TEXT, Format.CSV, Format.JSON, Format.MD, Format.HTML); }
    }

    /** Commands whose result is a document of sections (no one table for CSV): text, JSON, Markdown or HTML. */
    public static final class Document extends OutputOptions {
        @Option(names = "--format", paramLabel = "FORMAT", converter = Format.Converter.class,
                description = "text (default), json, md or html.")
        void setFormat(Format f) { format(f); }

        @Override
        Set<Format> supported() { return Set.of(Format.TEXT, Format.JSON, Format.MD, Format.HTML); }
    }

    /** Commands whose result is a data file in one format, JSON: no {@code --format} to choose. */
    public static final class Json extends OutputOptions {
        @Override
        Set<Format> supported() { return Set.of(Format.JSON); }

        @Override
        Format defaultFormat() { return Format.JSON; }
    }
}
