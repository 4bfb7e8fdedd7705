package org.hprofdiff.cli.render;

import static org.hprofdiff.core.summary.diff.Units.count;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.hprofdiff.cli.report.DiffQuery;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.core.summary.diff.DumpPoint;
import org.hprofdiff.core.summary.diff.DumpSeries;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.core.summary.diff.MetricChange;
import org.hprofdiff.core.summary.diff.PathGrowth;
import org.hprofdiff.core.summary.diff.Sample;
import org.hprofdiff.core.summary.diff.Step;
import org.hprofdiff.core.summary.diff.Trend;
import org.hprofdiff.core.summary.diff.Units;
import org.hprofdiff.core.summary.diff.failon.Breach;

/** The text form of a diff: the answer in the first line, the steady growers under it, labelled growth after. */
final class DiffText {
    /** With more dumps than this, per-dump columns show first → … → last. */
    private static final int MAX_SERIES_SHOWN = 5;

    private final Style style;
    private final PrintWriter out;

    DiffText(Style style, PrintWriter out) {
        this.style = style;
        this.out = out;
    }

    void render(DiffReport r) {
        String verdict = r.verdict().summary();
        out.println(r.verdict().leakSuspected() ? style.bad(style.bold(verdict)) : style.good(style.bold(verdict)));
        series(r.series());

        out.println();
        out.println(style.bold(r.series().dumps().size() == 2 ? "Grew between the two dumps" : "Steady growers (grew in every interval)"));
        if (r.steadyGrowers().isEmpty()) out.println("  none");
        else growthTable(r, r.steadyGrowers(), true);
        more(r.steadyGrowers().size(), r.verdict().steadyGrowers());

        long labelledTotal = r.verdict().classesByTrend().entrySet().stream()
                .filter(e -> isLabelled(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        if (!r.labelled().isEmpty()) {
            out.println();
            out.println(style.bold("Growth that is not a leak (labelled, not ranked)"));
            labelledTable(r, r.labelled());
            more(r.labelled().size(), labelledTotal);
        }
        if (!r.arraysByLength().isEmpty()) {
            out.println();
            out.println(style.bold("Long object arrays that grew, by length (the same objects, another view)"));
            growthTable(r, r.arraysByLength(), false);
        }
        out.println();
        out.println(style.dim(trendCounts(r) + "; noise floor: changes of at most " + count(r.noiseFloor().instances()) + " objects, "
                + Units.bytes(r.noiseFloor().bytes()) + " or " + r.noiseFloor().percent() + "% count as flat"));
        checks(r);
    }

    private void series(DumpSeries s) {
        List<DumpPoint> dumps = s.dumps();
        String span = s.spanMillis() != null ? " over " + Numbers.duration(s.spanMillis()) : "";
        out.println(dumps.size() + " dumps" + span + ", oldest first:");
        for (DumpPoint d : dumps) {
            out.println(String.format("  %d  %s  %s  %s objects, %s%s", d.index() + 1,
                    d.timestampMillis() == null ? "(no time)" : Numbers.time(d.timestampMillis()), d.path(),
                    count(d.objects()), Units.bytes(d.shallowBytes()), d.partial() ? style.warn("  PARTIAL") : ""));
        }
        if (s.rateUnavailable() != null) out.println(style.dim("no rates per hour: " + s.rateUnavailable()));
    }

    private void growthTable(DiffReport r, List<GrowthRow> rows, boolean ranked) {
        TextTable t = new TextTable(">#", "instances", ">change", ">per hour", "shallow bytes", ">change", ">per hour", "class");
        int i = 0;
        for (GrowthRow row : rows) {
            i++;
            t.row(count(ranked && row.leakRank() != null ? row.leakRank() : i),
                    values(row.samples(), Sample::instances, Units::count), Units.signedCount(row.instances().change()),
                    rate(row.instances(), false), values(row.samples(), Sample::shallowBytes, Units::bytes),
                    Units.signedBytes(row.shallowBytes().change()), rate(row.shallowBytes(), true), r.displayName(row));
        }
        t.print(out, "  ", style);
        for (GrowthRow row : rows) paths(r, row);
    }

    /** Retention paths of a grower, when the index computed them (a later stage fills {@link GrowthRow#paths()}). */
    private void paths(DiffReport r, GrowthRow row) {
        if (row.paths() == null || row.paths().isEmpty()) return;
        out.println("  " + r.displayName(row) + " is held by:");
        for (PathGrowth p : row.paths()) {
            out.println("    " + p.signature() + "  [" + p.trend().label() + ", " + values(p.samples().stream().map(s -> s.instances()).toList()) + " objects]");
        }
    }

    private void labelledTable(DiffReport r, List<GrowthRow> rows) {
        TextTable t = new TextTable("trend", "steps", "instances", "shallow bytes", ">change", "class");
        for (GrowthRow row : rows) {
            StringBuilder steps = new StringBuilder();
            for (Step s : row.steps()) steps.append(s.arrow());
            t.row(row.trend().label(), steps.toString(), values(row.samples(), Sample::instances, Units::count),
                    values(row.samples(), Sample::shallowBytes, Units::bytes), Units.signedBytes(row.shallowBytes().change()), r.displayName(row));
        }
        t.print(out, "  ", style);
    }

    private void checks(DiffReport r) {
        if (r.checks() == null) return;
        if (r.breached()) {
            List<Breach> b = r.checks().breaches();
            out.println(style.bad(style.bold("FAIL: " + b.size() + (b.size() == 1 ? " threshold breach" : " threshold breaches") + " (exit code 1):")));
            for (Breach breach : b) out.println(style.bad("  " + breach.line()));
        } else {
            out.println(style.good("OK: no --fail-on threshold breached (" + String.join(", ", r.thresholds()) + ")"));
        }
    }

    private void more(int shown, long total) {
        if (total > shown) out.println(style.dim("  ... " + count(total - shown) + " more (--top N or --all to see them)"));
    }

    private static String trendCounts(DiffReport r) {
        List<String> parts = new ArrayList<>();
        long all = 0;
        for (Map.Entry<Trend, Integer> e : r.verdict().classesByTrend().entrySet()) {
            all += e.getValue();
            if (e.getValue() > 0 && !e.getKey().leakSuspect() && !isLabelled(e.getKey())) parts.add(count(e.getValue()) + " " + e.getKey().label());
        }
        return count(all) + " classes compared" + (parts.isEmpty() ? "" : "; not shown: " + String.join(", ", parts));
    }

    private static boolean isLabelled(Trend t) {
        return DiffQuery.LABELLED.contains(t);
    }

    private String rate(MetricChange m, boolean bytes) {
        if (m.perHour() == null) return "n/a";
        return bytes ? Units.byteRate(m.perHour()) : Units.countRate(m.perHour());
    }

    private static String values(List<Sample> samples, ToLongFunction<Sample> metric, java.util.function.LongFunction<String> format) {
        List<String> v = new ArrayList<>();
        for (Sample s : samples) v.add(format.apply(metric.applyAsLong(s)));
        return arrows(v);
    }

    private static String values(List<Long> counts) {
        return arrows(counts.stream().map(Units::count).toList());
    }

    private static String arrows(List<String> v) {
        if (v.size() > MAX_SERIES_SHOWN) return v.getFirst() + " → … → " + v.getLast();
        return String.join(" → ", v);
    }
}
