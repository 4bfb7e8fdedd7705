package org.hprofdiff.cli.options;

import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hprofdiff.core.size.SizeModelOverrides;
import org.hprofdiff.core.summary.diff.failon.FailOn;
import org.hprofdiff.core.summary.diff.failon.FailOnSpecException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every check of an option's value, as picocli converters: a value out of range is refused while the command
 * line is parsed, before any work, as a usage error (exit 2). A converter says only what was expected; the
 * error handler puts the option and the value in front ({@code --dump 0: expected a heap dump's number, 1 or more}),
 * so every bad value reads the same way. Enum options need no converter here: picocli refuses an unknown name
 * and the handler lists the choices.
 */
public final class OptionValues {
    private OptionValues() {}

    /** A whole number from {@code min} up; {@code expected} says so in the option's own terms. */
    private abstract static class WholeNumber implements ITypeConverter<Integer> {
        private final int min;
        private final String expected;

        WholeNumber(int min, String expected) {
            this.min = min;
            this.expected = expected;
        }

        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                n = Integer.MIN_VALUE; // not a number, or beyond an int: refused below with the same words
            }
            if (n < min) throw new TypeConversionException("expected " + expected);
            return n;
        }
    }

    /** {@code --top}: rows per table. */
    public static final class Rows extends WholeNumber {
        public Rows() { super(1, "a whole number of rows, 1 or more (or --all for every row)"); }
    }

    /** {@code --dump}: which heap dump of a file, counted from 1. */
    public static final class DumpNumber extends WholeNumber {
        public DumpNumber() { super(1, "a heap dump's number: 1 for the first, 2 for the second, ..."); }
    }

    /** {@code --depth}: levels of a tree below each row. */
    public static final class Levels extends WholeNumber {
        public Levels() { super(0, "a whole number of levels, 0 or more"); }
    }

    /** {@code --children}: children shown per tree node. */
    public static final class Children extends WholeNumber {
        public Children() { super(1, "a whole number of children, 1 or more"); }
    }

    /** A size-model value, checked by {@link SizeModelOverrides} itself so the rule lives in one place. */
    private abstract static class LayoutBytes implements ITypeConverter<Integer> {
        private final IntFunction<SizeModelOverrides> check;
        private final String expected;

        LayoutBytes(IntFunction<SizeModelOverrides> check, String expected) {
            this.check = check;
            this.expected = expected;
        }

        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected " + expected);
            }
            try {
                check.apply(n);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            return n;
        }
    }

    /** {@code --header-bytes}. */
    public static final class HeaderBytes extends LayoutBytes {
        public HeaderBytes() { super(n -> new SizeModelOverrides(n, null, null), "8, 12 or 16"); }
    }

    /** {@code --ref-bytes}. */
    public static final class ReferenceBytes extends LayoutBytes {
        public ReferenceBytes() { super(n -> new SizeModelOverrides(null, n, null), "4 or 8"); }
    }

    /** {@code --align}. */
    public static final class Alignment extends LayoutBytes {
        public Alignment() { super(n -> new SizeModelOverrides(null, null, n), "a power of two from 8 to 256"); }
    }

    /** {@code --threshold}: a share of the heap in percent, strictly between 0 and 100. */
    public static final class Percentage implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double p;
            try {
                p = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                p = Double.NaN;
            }
            if (!(p > 0 && p < 100)) throw new TypeConversionException("expected a percentage between 0 and 100, e.g. 10 or 2.5");
            return p;
        }
    }

    /** {@code --filter}, {@code --class}: a Java regular expression, kept as written once it compiles. */
    public static final class Regex implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new TypeConversionException("not a regular expression: " + e.getDescription() + " near index " + e.getIndex());
            }
            return value;
        }
    }

    /** {@code --fail-on}: one option's specs (comma-separated), checked by the parser the comparison uses. */
    public static final class FailOnSpecs implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                FailOn.parse(List.of(value));
            } catch (FailOnSpecException e) {
                // name the spec only when the option held several
                throw new TypeConversionException(e.spec().strip().equals(value.strip()) ? e.problem() : "\"" + e.spec() + "\": " + e.problem());
            }
            return value;
        }
    }
}
