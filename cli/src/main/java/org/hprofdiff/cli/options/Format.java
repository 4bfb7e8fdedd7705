package org.hprofdiff.cli.options;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Output formats, named on the command line in lower case. Each command accepts the ones it can render. */
public enum Format {
    TEXT, CSV, JSON, MD, HTML;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** File name extension of a file in this format ({@code report.txt}, {@code report.md}, ...). */
    public String extension() {
        return this == TEXT ? "txt" : id();
    }

    public static String list(Set<Format> formats) {
        return formats.stream().sorted().map(Format::id).collect(Collectors.joining(", "));
    }

    /** Parses {@code text|csv|json|md|html}; other values get one line naming the choices. */
    public static final class Converter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : values()) if (f.id().equalsIgnoreCase(value)) return f;
            throw new TypeConversionException("expected one of " + list(Set.of(values())));
        }
    }
}
