package org.hprofdiff.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.hprofdiff.cli.ExitCode;
import org.hprofdiff.cli.report.DiffQuery;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.cli.report.HistogramReport;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.diff.DumpPoint;
import org.hprofdiff.core.summary.diff.DumpSeries;
import org.hprofdiff.core.summary.diff.MetricChange;
import org.hprofdiff.core.summary.diff.Step;
import org.hprofdiff.core.summary.diff.Trend;
import org.hprofdiff.core.summary.diff.Units;

/**
 * The words and short cells that the document formats (Markdown, HTML) show the same way: section
 * headings, "first → last", rates, step arrows, the size model in words. Markup is the caller's job;
 * these are plain strings.
 */
public final class ReportText {
    /** With more dumps than this, a series reads first → … → last. */
    public static final int MAX_SERIES_SHOWN = 5;

    private ReportText() {}

    /** Heading of the leak ranking: with two dumps "every interval" would say more than was measured. */
    public static String growersHeading(DumpSeries series) {
        return series.dumps().size() == 2 ? "Grew between the two dumps" : "Steady growers (grew in every interval)";
    }

    public static final String LABELLED_HEADING = "Growth that is not a leak (labelled, not ranked)";

    public static final String ARRAYS_HEADING = "Long object arrays that grew, by length (the same objects, another view)";

    public static final String LOADERS_HEADING = "Class loaders that changed, by loader class (loaders that define classes, and the classes they define)";

    public static final String DUPLICATES_HEADING = "Class names defined by more than one loader (newest dump)";

    /** A metric's value in every dump, joined by arrows: {@code "2 → 4 → 6"}. */
    public static String counts(MetricChange m) {
        return series(m.values(), Units::count);
    }

    /** {@code "400 → 800"}. */
    public static String firstToLast(MetricChange m, LongFunction<String> format) {
        return format.apply(m.first()) + " → " + format.apply(m.last());
    }

    /** Every value joined by arrows, or first → … → last for long series. */
    public static String series(List<Long> values, LongFunction<String> format) {
        List<String> shown = values.stream().map(format::apply).toList();
        if (shown.size() > MAX_SERIES_SHOWN) return shown.getFirst() + " → … → " + shown.getLast();
        return String.join(" → ", shown);
    }

    /** {@code "+16.7/h"}, or "n/a" when the series has no usable time span. */
    public static String countRate(MetricChange m) {
        return m.perHour() == null ? "n/a" : Units.countRate(m.perHour());
    }

    /** {@code "+1.1 MB/h"}, or "n/a" when the series has no usable time span. */
    public static String byteRate(MetricChange m) {
        return m.perHour() == null ? "n/a" : Units.byteRate(m.perHour());
    }

    /** One arrow per interval, e.g. {@code "↑↑→"}. */
    public static String steps(List<Step> steps) {
        StringBuilder sb = new StringBuilder(steps.size());
        for (Step s : steps) sb.append(s.arrow());
        return sb.toString();
    }

    /** Span of the series in words: {@code "3 dumps over 24.0 h"}. */
    public static String seriesLine(DumpSeries s) {
        return s.dumps().size() + " dumps" + (s.spanMillis() != null ? " over " + Numbers.duration(s.spanMillis()) : "");
    }

    /** The noise floor in words, for the foot of a report. */
    public static String noiseFloor(DiffReport r) {
        return "noise floor: changes of at most " + Units.count(r.noiseFloor().instances()) + " objects, "
                + Units.bytes(r.noiseFloor().bytes()) + " or " + r.noiseFloor().percent() + "% count as flat";
    }

    /** How many classes were compared and which trends no table shows, e.g. "1,204 classes compared; not shown: 1,180 flat". */
    public static String trendCounts(DiffReport r) {
        List<String> parts = new ArrayList<>();
        long all = 0;
        for (Map.Entry<Trend, Integer> e : r.verdict().classesByTrend().entrySet()) {
            all += e.getValue();
            if (e.getValue() > 0 && !e.getKey().leakSuspect() && !DiffQuery.LABELLED.contains(e.getKey())) {
                parts.add(Units.count(e.getValue()) + " " + e.getKey().label());
            }
        }
        return Units.count(all) + " classes compared" + (parts.isEmpty() ? "" : "; not shown: " + String.join(", ", parts));
    }

    /** Labelled rows in the whole analysis (the table may show fewer). */
    public static long labelledTotal(DiffReport r) {
        return r.verdict().classesByTrend().entrySet().stream()
                .filter(e -> DiffQuery.LABELLED.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    /** "… 12 more (--top N or --all to see them)" when a table was cut, else null. */
    public static String more(int shown, long total) {
        return total > shown ? Units.count(total - shown) + " more (--top N or --all to see them)" : null;
    }

    /** {@code "saved summary of /dumps/day1.hprof"} for dump 1 when {@code --baseline} gave it, else null. */
    public static String baselineNote(DiffReport r, DumpPoint d) {
        DiffReport.Saved saved = r.savedAt(d.index());
        return saved == null ? null : "saved summary of " + saved.madeFrom();
    }

    /** {@code "FAIL: 2 threshold breaches (exit code 1)"}: the line above the breaches, one per line after it. */
    public static String breachesHeading(DiffReport r) {
        int n = r.checks().breaches().size();
        return "FAIL: " + n + (n == 1 ? " threshold breach" : " threshold breaches") + " (exit code " + ExitCode.THRESHOLD_BREACHED.code + ")";
    }

    /** {@code "OK: no --fail-on threshold breached (count:+1000, class:Conn)"}: a clean CI run says so. */
    public static String noBreach(DiffReport r) {
        return "OK: no --fail-on threshold breached (" + String.join(", ", r.thresholds()) + ")";
    }

    /** {@code "12-byte headers, 4-byte references, 8-byte alignment (inferred)"}. */
    public static String sizeModel(SizeModel m) {
        return m.objectHeaderBytes() + "-byte headers, " + m.referenceBytes() + "-byte references, " + m.objectAlignment()
                + "-byte alignment (" + m.origin() + ")";
    }

    /** What a histogram's rows are: "classes", "packages", "class loaders". */
    public static String histogramUnit(HistogramReport.Query q) {
        return switch (q.groupBy()) {
            case CLASS -> "classes";
            case PACKAGE -> "packages";
            case LOADER -> "class loaders";
        };
    }

    /** {@code "Top 25 classes by shallow bytes, class names matching /Conn/"}. */
    public static String histogramHeading(HistogramReport.Query q) {
        String unit = histogramUnit(q);
        return (q.top() == null ? "All " + unit : "Top " + q.top() + " " + unit) + " by "
                + switch (q.sortBy()) {
                    case COUNT -> "instance count";
                    case SHALLOW -> "shallow bytes";
                    case RETAINED -> "retained bytes";
                }
                + (q.filter() != null ? ", class names matching /" + q.filter() + "/" : "");
    }

    /** {@code "instances"}, {@code "object arrays"}, ... */
    public static String kind(ClassStats.Kind kind) {
        return switch (kind) {
            case INSTANCE -> "instances";
            case OBJECT_ARRAY -> "object arrays";
            case PRIMITIVE_ARRAY -> "primitive arrays";
            case CLASS -> "class objects";
        };
    }
}
