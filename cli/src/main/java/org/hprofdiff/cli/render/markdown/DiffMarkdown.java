package org.hprofdiff.cli.render.markdown;

import static org.hprofdiff.cli.render.markdown.Markdown.cellCode;
import static org.hprofdiff.cli.render.markdown.Markdown.code;
import static org.hprofdiff.cli.render.markdown.Markdown.text;

import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.cli.render.Numbers;
import org.hprofdiff.cli.render.ReportText;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.cli.report.PathWords;
import org.hprofdiff.core.summary.diff.DumpPoint;
import org.hprofdiff.core.summary.diff.DuplicateGrowth;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.core.summary.diff.LoaderGrowth;
import org.hprofdiff.core.summary.diff.MetricChange;
import org.hprofdiff.core.summary.diff.PathGrowth;
import org.hprofdiff.core.summary.diff.PathSample;
import org.hprofdiff.core.summary.diff.Sample;
import org.hprofdiff.core.summary.diff.Units;
import org.hprofdiff.core.summary.diff.failon.Breach;

/**
 * A diff as a pull-request comment: the verdict in the first line, the CI outcome, one compact table of
 * the steady growers with their retention paths when known, and everything else folded into
 * {@code <details>} blocks so the comment stays short.
 */
final class DiffMarkdown {
    private final DiffReport r;
    private final StringBuilder s = new StringBuilder(4096);

    private DiffMarkdown(DiffReport r) {
        this.r = r;
    }

    static String of(DiffReport r) {
        return new DiffMarkdown(r).render();
    }

    private String render() {
        s.append("**").append(text(r.verdict().summary())).append("**\n\n");
        answers();
        checks();
        warnings(r.warnings());
        dumps();
        growers();
        labelled();
        arrays();
        loaders();
        s.append("<sub>").append(text(ReportText.trendCounts(r) + "; " + ReportText.noiseFloor(r) + ".")).append("</sub>\n");
        return s.toString();
    }

    /** The growers held by growing retention paths: the answer, before the details. */
    private void answers() {
        List<String> answers = r.answers();
        if (answers.isEmpty()) return;
        s.append("**").append(text(PathWords.ANSWERS_HEADING)).append("**\n\n");
        for (String line : answers) s.append("- ").append(text(line)).append('\n');
        s.append('\n');
    }

    private void checks() {
        if (r.checks() == null) return;
        if (r.breached()) {
            s.append("**").append(text(ReportText.breachesHeading(r) + ":")).append("**\n\n");
            for (Breach breach : r.checks().breaches()) s.append("- ").append(text(breach.line())).append('\n');
            s.append('\n');
        } else {
            s.append(text(ReportText.noBreach(r))).append("\n\n");
        }
    }

    static void warnings(StringBuilder s, List<String> warnings) {
        for (String w : warnings) s.append("> **Warning:** ").append(text(w)).append("\n>\n");
        if (!warnings.isEmpty()) {
            s.setLength(s.length() - 2);
            s.append('\n');
        }
    }

    private void warnings(List<String> warnings) {
        warnings(s, warnings);
    }

    private void dumps() {
        List<String> parts = new ArrayList<>();
        for (DumpPoint d : r.series().dumps()) {
            String note = ReportText.baselineNote(r, d);
            parts.add(code(d.path()) + " (" + text(d.timestampMillis() == null ? "no time" : Numbers.time(d.timestampMillis()))
                    + (note == null ? "" : text(", " + note)) + (d.partial() ? ", **partial**" : "") + ")");
        }
        s.append(text(ReportText.seriesLine(r.series()) + ", oldest first: ")).append(String.join(" → ", parts)).append("\n\n");
        if (r.series().rateUnavailable() != null) {
            s.append(text("No rates per hour: " + r.series().rateUnavailable() + ".")).append("\n\n");
        }
    }

    private void growers() {
        s.append("### ").append(text(ReportText.growersHeading(r.series()))).append("\n\n");
        if (r.steadyGrowers().isEmpty()) {
            s.append("None.\n\n");
            return;
        }
        s.append(growthTable(r.steadyGrowers(), true)).append('\n');
        more(r.steadyGrowers().size(), r.verdict().steadyGrowers());
        for (GrowthRow row : r.steadyGrowers()) paths(r.displayName(row), row.paths());
    }

    private String growthTable(List<GrowthRow> rows, boolean ranked) {
        Markdown.Table t = new Markdown.Table(">#", "Class", ">Instances", ">Shallow bytes", ">Rate/h", "Trend");
        int i = 0;
        for (GrowthRow row : rows) {
            i++;
            t.row(String.valueOf(ranked && row.leakRank() != null ? row.leakRank() : i), cellCode(r.displayName(row)),
                    text(change(row.instances(), false)), text(change(row.shallowBytes(), true)),
                    text(ReportText.countRate(row.instances()) + ", " + ReportText.byteRate(row.shallowBytes())),
                    text(row.trend().label() + " " + ReportText.steps(row.steps())));
        }
        return t.render();
    }

    /** {@code "400 → 800 (+400)"}. */
    private static String change(MetricChange m, boolean bytes) {
        return bytes
                ? ReportText.firstToLast(m, Units::bytes) + " (" + Units.signedBytes(m.change()) + ")"
                : ReportText.firstToLast(m, Units::count) + " (" + Units.signedCount(m.change()) + ")";
    }

    /** A grower's retention paths, when the index computed them: growing ones first, the rest counted. */
    private void paths(String name, List<PathGrowth> paths) {
        if (paths == null) return;
        s.append(code(name)).append(paths.isEmpty() ? ": no retention path found.\n\n" : " is held by:\n\n");
        int flat = 0;
        for (PathGrowth p : paths) {
            if (!p.trend().leakSuspect()) {
                flat++;
                continue;
            }
            s.append("- ").append(code(PathWords.path(p))).append(" — ")
                    .append(text(ReportText.series(p.samples().stream().map(PathSample::instances).toList(), Units::count) + " objects"
                            + (p.retained() == null ? "" : ", " + Units.signedBytes(p.retained().change()) + " retained")
                            + " (" + p.trend().label() + ")"
                            + (PathWords.also(p) == null ? "" : "; " + PathWords.also(p))
                            + (PathWords.owner(p) == null ? "" : "; " + PathWords.owner(p))))
                    .append('\n');
        }
        if (flat > 0) s.append("- ").append(text(flat + (flat == 1 ? " other path" : " other paths") + " did not grow steadily")).append('\n');
        if (!paths.isEmpty()) s.append('\n');
    }

    /** Loader classes whose loaders changed, with the paths of the growing ones; the class names several loaders define. */
    private void loaders() {
        if (!r.classLoaders().isEmpty()) {
            s.append("### ").append(text(ReportText.LOADERS_HEADING)).append("\n\n");
            Markdown.Table t = new Markdown.Table("Trend", "Loader class", ">Loaders", ">Classes", "Steps");
            for (LoaderGrowth row : r.classLoaders()) {
                t.row(text(row.trend().label()), cellCode(row.loaderClass()), text(ReportText.counts(row.loaders())),
                        text(ReportText.counts(row.classes())), text(ReportText.steps(row.steps())));
            }
            s.append(t.render()).append('\n');
            for (LoaderGrowth row : r.classLoaders()) paths(row.loaderClass() + " loaders", row.paths());
        }
        if (!r.duplicateClasses().isEmpty()) {
            folded(ReportText.DUPLICATES_HEADING + ": " + r.duplicateClasses().size() + (r.duplicateClasses().size() == 1 ? " name" : " names"));
            Markdown.Table t = new Markdown.Table("Class", ">Loaders", ">Change");
            for (DuplicateGrowth d : r.duplicateClasses()) {
                t.row(cellCode(d.name()), text(ReportText.counts(d.loaders())), text(Units.signedCount(d.loaders().change())));
            }
            s.append(t.render()).append('\n').append("</details>\n\n");
        }
    }

    private void labelled() {
        if (r.labelled().isEmpty()) return;
        long total = ReportText.labelledTotal(r);
        folded(ReportText.LABELLED_HEADING + ": " + Units.count(total) + (total == 1 ? " class" : " classes"));
        Markdown.Table t = new Markdown.Table("Trend", "Class", ">Instances", ">Shallow bytes", "Steps");
        for (GrowthRow row : r.labelled()) {
            t.row(text(row.trend().label()), cellCode(r.displayName(row)),
                    text(ReportText.series(row.samples().stream().map(Sample::instances).toList(), Units::count)),
                    text(ReportText.series(row.samples().stream().map(Sample::shallowBytes).toList(), Units::bytes)),
                    text(ReportText.steps(row.steps())));
        }
        s.append(t.render()).append('\n');
        more(r.labelled().size(), ReportText.labelledTotal(r));
        s.append("</details>\n\n");
    }

    private void arrays() {
        if (r.arraysByLength().isEmpty()) return;
        int rows = r.arraysByLength().size();
        folded(ReportText.ARRAYS_HEADING + ": " + rows + (rows == 1 ? " row" : " rows"));
        s.append(growthTable(r.arraysByLength(), false)).append('\n');
        for (GrowthRow row : r.arraysByLength()) paths(r.displayName(row), row.paths());
        s.append("</details>\n\n");
    }

    /**
     * Opens a folded block. The summary is raw HTML to GitHub (escaped as HTML, not Markdown); the blank
     * line after it lets GitHub read the Markdown inside.
     */
    private void folded(String summary) {
        s.append("<details><summary>").append(Markdown.html(summary)).append("</summary>\n\n");
    }

    private void more(int shown, long total) {
        String more = ReportText.more(shown, total);
        if (more != null) s.append(text("… " + more)).append("\n\n");
    }
}
