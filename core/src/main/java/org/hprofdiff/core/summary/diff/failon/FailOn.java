package org.hprofdiff.core.summary.diff.failon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hprofdiff.core.summary.diff.GrowthReport;
import org.hprofdiff.core.summary.diff.GrowthRow;

/**
 * A set of CI thresholds, combined with "or": any breach fails. Specs ({@code docs/growth-analysis.md}):
 * <pre>
 *   count:+1000       instances grew by more than 1000 (first to last dump)
 *   bytes:+50MB       shallow bytes grew by more than 50 MB (B, KB, MB, GB, TB; binary, 1 KB = 1024 B)
 *   percent:+20       shallow bytes grew by more than 20 % of the first dump's value
 *   rate:+10MB/h      shallow bytes grew faster than 10 MB per hour (/min, /h, /d)
 *   rate:+500/h       instances grew faster than 500 per hour
 *   class:REGEX       a steady grower's name matches REGEX
 * </pre>
 * All apply to steady growers only. Several specs may be given as separate options or in one option
 * separated by commas; {@code class:} takes the rest of its option, commas included (regexes have them).
 */
public record FailOn(List<Threshold> thresholds) {

    public FailOn {
        thresholds = List.copyOf(thresholds);
    }

    /** Reads every {@code --fail-on} option. @throws FailOnSpecException on the first spec that cannot be read */
    public static FailOn parse(List<String> options) {
        List<Threshold> thresholds = new ArrayList<>();
        for (String option : options) {
            String rest = option.strip();
            while (!rest.isEmpty()) {
                if (rest.regionMatches(true, 0, "class:", 0, 6)) {
                    thresholds.add(parseOne(rest));
                    break;
                }
                int comma = rest.indexOf(',');
                String spec = (comma < 0 ? rest : rest.substring(0, comma)).strip();
                rest = comma < 0 ? "" : rest.substring(comma + 1).strip();
                if (spec.isEmpty()) throw new FailOnSpecException(option, "empty spec between commas");
                thresholds.add(parseOne(spec));
            }
        }
        return new FailOn(thresholds);
    }

    private static final Pattern SPEC = Pattern.compile("(?i)([a-z]+):(.*)");
    private static final Pattern AMOUNT = Pattern.compile("\\+?(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");
    private static final Pattern PERCENT = Pattern.compile("\\+?(\\d+(?:\\.\\d+)?)\\s*%?");
    private static final Pattern RATE = Pattern.compile("\\+?(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)\\s*/\\s*([a-zA-Z]+)");

    /** Reads one spec, e.g. {@code bytes:+50MB}. */
    public static Threshold parseOne(String spec) {
        Matcher matcher = SPEC.matcher(spec.strip());
        if (!matcher.matches()) {
            throw new FailOnSpecException(spec, "expected KIND:VALUE with KIND one of count, bytes, percent, rate or class");
        }
        String value = matcher.group(2).strip();
        return switch (matcher.group(1).toLowerCase(Locale.ROOT)) {
            case "count" -> new Threshold.InstanceGrowth(spec, parseCount(spec, value));
            case "bytes" -> new Threshold.ByteGrowth(spec, parseBytes(spec, value));
            case "percent" -> new Threshold.PercentGrowth(spec, parsePercent(spec, value));
            case "rate" -> parseRate(spec, value);
            case "class" -> new Threshold.SteadyGrowerMatching(spec, parseRegex(spec, value));
            default -> throw new FailOnSpecException(spec, "unknown kind \"" + matcher.group(1)
                    + "\"; expected count, bytes, percent, rate or class");
        };
    }

    private static long parseCount(String spec, String value) {
        if (!value.matches("\\+?\\d{1,18}")) {
            throw new FailOnSpecException(spec, "expected a whole number of instances, e.g. count:+1000");
        }
        return Long.parseLong(value.replace("+", ""));
    }

    private static long parseBytes(String spec, String value) {
        Matcher matcher = AMOUNT.matcher(value);
        if (!matcher.matches()) {
            throw new FailOnSpecException(spec, "expected a size, e.g. bytes:+50MB");
        }
        return Math.round(Double.parseDouble(matcher.group(1)) * byteUnit(spec, matcher.group(2), true));
    }

    private static double parsePercent(String spec, String value) {
        Matcher matcher = PERCENT.matcher(value);
        if (!matcher.matches()) {
            throw new FailOnSpecException(spec, "expected a percentage, e.g. percent:+20");
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static Threshold parseRate(String spec, String value) {
        Matcher matcher = RATE.matcher(value);
        if (!matcher.matches()) {
            throw new FailOnSpecException(spec, "expected a rate, e.g. rate:+10MB/h (bytes) or rate:+500/h (instances)");
        }
        double amount = Double.parseDouble(matcher.group(1));
        double perHour = amount * perHourFactor(spec, matcher.group(3));
        String unit = matcher.group(2);
        return unit.isEmpty()
                ? new Threshold.RateGrowth(spec, Threshold.RateGrowth.Metric.INSTANCES, perHour)
                : new Threshold.RateGrowth(spec, Threshold.RateGrowth.Metric.SHALLOW_BYTES, perHour * byteUnit(spec, unit, false));
    }

    private static Pattern parseRegex(String spec, String value) {
        if (value.isEmpty()) throw new FailOnSpecException(spec, "expected a regular expression after class:");
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new FailOnSpecException(spec, "not a regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    /** Bytes per unit; a missing unit means bytes where {@code emptyIsBytes}. */
    private static long byteUnit(String spec, String unit, boolean emptyIsBytes) {
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "" -> {
                if (emptyIsBytes) yield 1L;
                throw new FailOnSpecException(spec, "expected a size unit");
            }
            case "B" -> 1L;
            case "K", "KB", "KIB" -> 1L << 10;
            case "M", "MB", "MIB" -> 1L << 20;
            case "G", "GB", "GIB" -> 1L << 30;
            case "T", "TB", "TIB" -> 1L << 40;
            default -> throw new FailOnSpecException(spec, "unknown size unit \"" + unit + "\"; expected B, KB, MB, GB or TB");
        };
    }

    private static double perHourFactor(String spec, String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "s", "sec" -> 3600;
            case "min", "m" -> 60;
            case "h", "hr", "hour" -> 1;
            case "d", "day" -> 1 / 24.0;
            default -> throw new FailOnSpecException(spec, "unknown time unit \"/" + unit + "\"; expected /s, /min, /h or /d");
        };
    }

    /** Checks every threshold against the report's steady growers (class rows). */
    public FailOnResult evaluate(GrowthReport report) {
        List<Breach> breaches = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        List<GrowthRow> growers = report.steadyGrowers();
        for (Threshold threshold : thresholds) {
            if (threshold instanceof Threshold.RateGrowth && report.series().rateUnavailable() != null) {
                unchecked.add(threshold.spec() + ": not checked, no growth rate: " + report.series().rateUnavailable());
                continue;
            }
            for (GrowthRow row : growers) {
                threshold.breachedBy(row, report.series())
                        .ifPresent(why -> breaches.add(new Breach(threshold.spec(), row.label(), threshold.spec() + ": " + row.label() + " " + why)));
            }
        }
        return new FailOnResult(breaches, unchecked);
    }
}
