package org.hprofdiff.cli.render;

import static org.hprofdiff.core.summary.diff.Units.count;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.cli.report.PathWords;
import org.hprofdiff.core.summary.diff.DumpPoint;
import org.hprofdiff.core.summary.diff.DumpSeries;
import org.hprofdiff.core.summary.diff.DuplicateGrowth;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.core.summary.diff.LoaderGrowth;
import org.hprofdiff.core.summary.diff.PathGrowth;
import org.hprofdiff.core.summary.diff.Sample;
import org.hprofdiff.core.summary.diff.Units;
import org.hprofdiff.core.summary.diff.failon.Breach;

/** The text form of a diff: the answer in the first line, the steady growers under it, labelled growth after. */
final class DiffText {
    private final Style style;
    private final PrintWriter out;

    DiffText(Style style, PrintWriter out) {
        this.style = style;
        this.out = out;
    }

    void render(DiffReport r) {
        String verdict = r.verdict().summary();
        out.println(r.verdict().leakSuspected() ? style.bad(style.bold(verdict)) : style.good(style.bold(verdict)));
        answers(r);
        series(r);

        out.println();
        out.println(style.bold(ReportText.growersHeading(r.series())));
        if (r.steadyGrowers().isEmpty()) out.println("  none");
        else growthTable(r, r.steadyGrowers(), true);
        more(r.steadyGrowers().size(), r.verdict().steadyGrowers());
        for (GrowthRow row : r.steadyGrowers()) paths(r.displayName(row), row.paths());

        if (!r.labelled().isEmpty()) {
            out.println();
            out.println(style.bold(ReportText.LABELLED_HEADING));
            labelledTable(r, r.labelled());
            more(r.labelled().size(), ReportText.labelledTotal(r));
        }
        if (!r.arraysByLength().isEmpty()) {
            out.println();
            out.println(style.bold(ReportText.ARRAYS_HEADING));
            growthTable(r, r.arraysByLength(), false);
            for (GrowthRow row : r.arraysByLength()) paths(r.displayName(row), row.paths());
        }
        loaders(r);
        out.println();
        out.println(style.dim(ReportText.trendCounts(r) + "; " + ReportText.noiseFloor(r)));
        checks(r);
    }

    private void series(DiffReport r) {
        DumpSeries s = r.series();
        out.println(ReportText.seriesLine(s) + ", oldest first:");
        for (DumpPoint d : s.dumps()) {
            String note = ReportText.baselineNote(r, d);
            String from = note == null ? "" : style.dim("  (" + note + ")");
            out.println(String.format("  %d  %s  %s  %s objects, %s%s%s", d.index() + 1,
                    d.timestampMillis() == null ? "(no time)" : Numbers.time(d.timestampMillis()), d.path(),
                    count(d.objects()), Units.bytes(d.shallowBytes()), d.partial() ? style.warn("  PARTIAL") : "", from));
        }
        if (s.rateUnavailable() != null) out.println(style.dim("no rates per hour: " + s.rateUnavailable()));
    }

    private void growthTable(DiffReport r, List<GrowthRow> rows, boolean ranked) {
        TextTable t = new TextTable(">#", "instances", ">change", ">per hour", "shallow bytes", ">change", ">per hour", "class");
        int i = 0;
        for (GrowthRow row : rows) {
            i++;
            t.row(count(ranked && row.leakRank() != null ? row.leakRank() : i),
                    series(row, Sample::instances, Units::count), Units.signedCount(row.instances().change()),
                    ReportText.countRate(row.instances()), series(row, Sample::shallowBytes, Units::bytes),
                    Units.signedBytes(row.shallowBytes().change()), ReportText.byteRate(row.shallowBytes()), r.displayName(row));
        }
        t.print(out, "  ", style);
    }

    /** The growers held by growing retention paths, right under the verdict: the answer before the details. */
    private void answers(DiffReport r) {
        List<String> answers = r.answers();
        if (answers.isEmpty()) return;
        out.println(style.bold(PathWords.ANSWERS_HEADING));
        for (String line : answers) out.println("  " + line);
    }

    /** Loader classes whose loaders changed, with the paths of the growing ones; then the class names several loaders define. */
    private void loaders(DiffReport r) {
        if (!r.classLoaders().isEmpty()) {
            out.println();
            out.println(style.bold(ReportText.LOADERS_HEADING));
            TextTable t = new TextTable("trend", "steps", "loaders", "classes", "loader class");
            for (LoaderGrowth row : r.classLoaders()) {
                t.row(row.trend().label(), ReportText.steps(row.steps()), ReportText.counts(row.loaders()), ReportText.counts(row.classes()),
                        row.loaderClass());
            }
            t.print(out, "  ", style);
            for (LoaderGrowth row : r.classLoaders()) paths(row.loaderClass() + " loaders", row.paths());
        }
        if (!r.duplicateClasses().isEmpty()) {
            out.println();
            out.println(style.bold(ReportText.DUPLICATES_HEADING));
            TextTable t = new TextTable("loaders", ">change", "class");
            for (DuplicateGrowth d : r.duplicateClasses()) t.row(ReportText.counts(d.loaders()), Units.signedCount(d.loaders().change()), d.name());
            t.print(out, "  ", style);
        }
    }

    /** Retention paths of a row, when the index computed them: growing ones first, the others as context. */
    private void paths(String name, List<PathGrowth> paths) {
        if (paths == null || paths.isEmpty()) return;
        out.println("  " + name + " " + (name.endsWith(" loaders") ? "are" : "is") + " held by:");
        for (PathGrowth p : paths) {
            String line = "    " + p.trend().label() + ", " + PathWords.numbers(p) + ": " + PathWords.path(p);
            out.println(p.trend().leakSuspect() ? line : style.dim(line));
            if (PathWords.also(p) != null) out.println(style.dim("      " + PathWords.also(p)));
            if (p.trend().leakSuspect() && p.owner() != null) {
                out.println(style.dim("      " + PathWords.owner(p)));
            }
        }
    }

    private void labelledTable(DiffReport r, List<GrowthRow> rows) {
        TextTable t = new TextTable("trend", "steps", "instances", "shallow bytes", ">change", "class");
        for (GrowthRow row : rows) {
            t.row(row.trend().label(), ReportText.steps(row.steps()), series(row, Sample::instances, Units::count),
                    series(row, Sample::shallowBytes, Units::bytes), Units.signedBytes(row.shallowBytes().change()), r.displayName(row));
        }
        t.print(out, "  ", style);
    }

    private void checks(DiffReport r) {
        if (r.checks() == null) return;
        if (r.breached()) {
            out.println(style.bad(style.bold(ReportText.breachesHeading(r) + ":")));
            for (Breach breach : r.checks().breaches()) out.println(style.bad("  " + breach.line()));
        } else {
            out.println(style.good(ReportText.noBreach(r)));
        }
    }

    private void more(int shown, long total) {
        String more = ReportText.more(shown, total);
        if (more != null) out.println(style.dim("  ... " + more));
    }

    /** One metric of a row in every dump, joined by arrows. */
    private static String series(GrowthRow row, ToLongFunction<Sample> metric, LongFunction<String> format) {
        return ReportText.series(row.samples().stream().map(metric::applyAsLong).toList(), format);
    }
}
