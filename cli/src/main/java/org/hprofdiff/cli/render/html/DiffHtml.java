package org.hprofdiff.cli.render.html;

import static org.hprofdiff.cli.render.html.Html.attr;
import static org.hprofdiff.cli.render.html.Html.esc;

import java.util.List;
import org.hprofdiff.cli.render.ReportText;
import org.hprofdiff.cli.render.Numbers;
import org.hprofdiff.cli.render.html.Table.Cell;
import org.hprofdiff.cli.render.html.Table.Column;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.cli.report.PathWords;
import org.hprofdiff.core.summary.diff.DumpPoint;
import org.hprofdiff.core.summary.diff.DumpSeries;
import org.hprofdiff.core.summary.diff.DuplicateGrowth;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.core.summary.diff.LoaderGrowth;
import org.hprofdiff.core.summary.diff.Sample;
import org.hprofdiff.core.summary.diff.Units;
import org.hprofdiff.core.summary.diff.failon.Breach;

/**
 * The sections of a diff page, in reading order: the verdict, the CI outcome and warnings, the dumps,
 * the steady growers (sortable table, then one card per top grower with its charts and, when the index
 * computed them, its retention paths), the labelled growth, the long arrays, and the fine print.
 */
final class DiffHtml {
    /** Charts are drawn for this many growers at most; the table lists every row the report holds. */
    static final int MAX_CHARTED = 25;

    private final DiffReport r;
    private final SeriesAxis axis;
    private final StringBuilder s = new StringBuilder(32_768);

    private DiffHtml(DiffReport r) {
        this.r = r;
        this.axis = SeriesAxis.of(r.series());
    }

    /** The diff's sections, verdict first. */
    static String sections(DiffReport r) {
        return new DiffHtml(r).render();
    }

    static String title(DiffReport r) {
        return "hprof-diff: " + (r.verdict().leakSuspected() ? "leak suspected" : "no leak suspected") + " ("
                + ReportText.seriesLine(r.series()) + ")";
    }

    private String render() {
        verdict();
        dumps(r.series());
        growers();
        labelled();
        arrays();
        loaders();
        s.append("<footer>\n<p>").append(esc(ReportText.trendCounts(r))).append(".</p>\n<p>").append(esc(ReportText.noiseFloor(r)))
                .append(".</p>\n</footer>\n");
        return s.toString();
    }

    private void verdict() {
        boolean leak = r.verdict().leakSuspected();
        s.append("<header>\n<h1 class=\"verdict ").append(leak ? "leak" : "clean").append("\">")
                .append(esc(r.verdict().summary())).append("</h1>\n");
        s.append("<p class=\"subtitle\">hprof-diff report · ").append(esc(ReportText.seriesLine(r.series()))).append(", oldest first</p>\n");
        if (r.checks() != null) {
            if (r.breached()) {
                s.append("<section class=\"checks fail\" aria-label=\"CI thresholds\">\n<p><strong>")
                        .append(esc(ReportText.breachesHeading(r)))
                        .append("</strong></p>\n<ul>\n");
                for (Breach breach : r.checks().breaches()) s.append("<li>").append(esc(breach.line())).append("</li>\n");
                s.append("</ul>\n</section>\n");
            } else {
                s.append("<section class=\"checks ok\" aria-label=\"CI thresholds\"><p>")
                        .append(esc(ReportText.noBreach(r)))
                        .append("</p></section>\n");
            }
        }
        Warnings.append(s, r.warnings());
        answers();
        s.append("</header>\n");
    }

    /** The growers held by growing retention paths: the answer, under the verdict. */
    private void answers() {
        List<String> answers = r.answers();
        if (answers.isEmpty()) return;
        s.append("<section class=\"answers\" aria-label=\"growing retention paths\">\n<p><strong>").append(esc(PathWords.ANSWERS_HEADING))
                .append("</strong></p>\n<ul>\n");
        for (String line : answers) s.append("<li>").append(esc(line)).append("</li>\n");
        s.append("</ul>\n</section>\n");
    }

    private void dumps(DumpSeries series) {
        s.append("<section id=\"dumps\">\n<h2>Dumps</h2>\n");
        Table t = new Table("dumps compared", false, Column.num("#"), Column.text("written"), Column.text("file"),
                Column.num("objects"), Column.num("shallow bytes"), Column.text("read"));
        for (DumpPoint d : series.dumps()) {
            String note = ReportText.baselineNote(r, d);
            t.row(Cell.num(d.index() + 1, String.valueOf(d.index() + 1)),
                    Cell.text(d.timestampMillis() == null ? "(no time)" : Numbers.time(d.timestampMillis())),
                    new Cell("<code>" + Html.name(d.path()) + "</code>" + (d.dumpNumber() > 1 ? esc(" (heap dump " + d.dumpNumber() + ")") : "")
                            + (note == null ? "" : esc(" (" + note + ")")), d.path()),
                    Cell.num(d.objects(), Units.count(d.objects())), Cell.num(d.shallowBytes(), Units.bytes(d.shallowBytes())),
                    new Cell(d.partial() ? "<strong class=\"bad\">PARTIAL</strong>" : "complete", d.partial() ? "partial" : "complete"));
        }
        s.append(t.html());
        if (series.rateUnavailable() != null) {
            s.append("<p class=\"note\">No rates per hour: ").append(esc(series.rateUnavailable())).append(".</p>\n");
        }
        s.append("</section>\n");
    }

    private void growers() {
        List<GrowthRow> rows = r.steadyGrowers();
        s.append("<section id=\"growers\">\n<h2>").append(esc(ReportText.growersHeading(r.series()))).append("</h2>\n");
        if (rows.isEmpty()) {
            s.append("<p>None.</p>\n</section>\n");
            return;
        }
        s.append(growthTable(rows, "steady growers", true));
        more(rows.size(), r.verdict().steadyGrowers());
        List<GrowthRow> charted = rows.subList(0, Math.min(rows.size(), MAX_CHARTED));
        s.append("<h3>Each grower across the dumps</h3>\n");
        if (charted.size() < rows.size()) {
            s.append("<p class=\"note\">Charts for the first ").append(charted.size()).append(" growers; the table lists all ")
                    .append(rows.size()).append(".</p>\n");
        }
        s.append("<div class=\"cards\">\n");
        for (int i = 0; i < charted.size(); i++) card(charted.get(i), i + 1);
        s.append("</div>\n</section>\n");
    }

    private void card(GrowthRow row, int n) {
        String id = Html.id("grower", n);
        String name = r.displayName(row);
        s.append("<article class=\"grower\"").append(attr("id", id)).append(attr("data-key", row.key())).append(">\n<h4>")
                .append(n).append(". <code class=\"cls\">").append(Html.name(name)).append("</code></h4>\n<p class=\"meta\">")
                .append(esc(Units.signedCount(row.instances().change()) + " objects (" + ReportText.countRate(row.instances()) + "), "
                        + Units.signedBytes(row.shallowBytes().change()) + " (" + ReportText.byteRate(row.shallowBytes()) + ")"))
                .append("</p>\n<div class=\"charts\">\n");
        s.append(new LineChart(id + "-instances", "Instances of " + name, "instances", axis,
                values(row.samples(), false), ValueAxis.Unit.OBJECTS).figure("Instances"));
        s.append(new LineChart(id + "-shallow", "Shallow bytes of " + name, "shallowBytes", axis,
                values(row.samples(), true), ValueAxis.Unit.BYTES).figure("Shallow bytes"));
        if (row.retainedBytes() != null) {
            s.append(new LineChart(id + "-retained", "Retained bytes of " + name, "retainedBytes", axis,
                    row.samples().stream().map(Sample::retainedBytes).toList(), ValueAxis.Unit.BYTES).figure("Retained bytes"));
        }
        s.append("</div>\n");
        s.append(PathsHtml.of(row, name, axis, id));
        s.append("</article>\n");
    }

    private void labelled() {
        if (r.labelled().isEmpty()) return;
        s.append("<section id=\"labelled\">\n<h2>").append(esc(ReportText.LABELLED_HEADING)).append("</h2>\n");
        Table t = new Table("labelled growth", true, Column.text("trend"),
                Column.text("steps").help("one arrow per interval: ↑ up, ↓ down, → flat, ↕ count and bytes apart"), Column.text("class"),
                Column.num("instances"), Column.num("shallow bytes"), Column.num("change"));
        for (GrowthRow row : r.labelled()) {
            t.row(Cell.text(row.trend().label()), RowHtml.steps(row), RowHtml.classCell(row, r.displayName(row), null), RowHtml.series(row.samples(), false),
                    RowHtml.series(row.samples(), true), RowHtml.change(row.shallowBytes(), true));
        }
        s.append(t.html());
        more(r.labelled().size(), ReportText.labelledTotal(r));
        s.append("</section>\n");
    }

    private void arrays() {
        if (r.arraysByLength().isEmpty()) return;
        s.append("<section id=\"arrays\">\n<h2>").append(esc(ReportText.ARRAYS_HEADING)).append("</h2>\n");
        s.append(growthTable(r.arraysByLength(), "long object arrays by length", false));
        for (int i = 0; i < r.arraysByLength().size(); i++) {
            GrowthRow row = r.arraysByLength().get(i);
            String paths = PathsHtml.of(row, r.displayName(row), axis, Html.id("array", i + 1));
            if (!paths.isEmpty()) s.append("<h3><code class=\"cls\">").append(Html.name(r.displayName(row))).append("</code></h3>\n").append(paths);
        }
        s.append("</section>\n");
    }

    /** Loader classes whose loaders changed, with the paths of the growing ones; the class names several loaders define. */
    private void loaders() {
        if (!r.classLoaders().isEmpty()) {
            s.append("<section id=\"loaders\">\n<h2>").append(esc(ReportText.LOADERS_HEADING)).append("</h2>\n");
            Table t = new Table("class loaders", true, Column.text("trend"), Column.text("steps"), Column.text("loader class"),
                    Column.num("loaders").help("loaders that define classes, per dump, oldest first"),
                    Column.num("classes").help("classes those loaders define, per dump, oldest first"));
            for (LoaderGrowth row : r.classLoaders()) {
                t.row(Cell.text(row.trend().label()), Cell.text(ReportText.steps(row.steps())),
                        new Cell("<code class=\"cls\">" + Html.name(row.loaderClass()) + "</code>", row.loaderClass()),
                        Cell.num(row.loaders().last(), ReportText.counts(row.loaders())), Cell.num(row.classes().last(), ReportText.counts(row.classes())));
            }
            s.append(t.html());
            for (int i = 0; i < r.classLoaders().size(); i++) {
                LoaderGrowth row = r.classLoaders().get(i);
                String paths = PathsHtml.of(row.paths(), row.loaderClass() + " loaders", axis, Html.id("loaders", i + 1));
                if (!paths.isEmpty()) s.append("<h3><code class=\"cls\">").append(Html.name(row.loaderClass())).append("</code></h3>\n").append(paths);
            }
            s.append("</section>\n");
        }
        if (!r.duplicateClasses().isEmpty()) {
            s.append("<section id=\"duplicates\">\n<h2>").append(esc(ReportText.DUPLICATES_HEADING)).append("</h2>\n");
            Table t = new Table("duplicate classes", true, Column.text("class"), Column.num("loaders").help("per dump, oldest first"),
                    Column.num("change"));
            for (DuplicateGrowth d : r.duplicateClasses()) {
                t.row(new Cell("<code class=\"cls\">" + Html.name(d.name()) + "</code>", d.name()),
                        Cell.num(d.loaders().last(), ReportText.counts(d.loaders())), RowHtml.change(d.loaders(), false));
            }
            s.append(t.html()).append("</section>\n");
        }
    }

    /**
     * Sortable table of steadily growing rows ({@code charted} ones link to their card). No steps column: every
     * step of a steady grower is up; the per-dump block of each row shows them.
     */
    private String growthTable(List<GrowthRow> rows, String label, boolean charted) {
        boolean retained = rows.stream().anyMatch(row -> row.retainedBytes() != null);
        List<Column> columns = new java.util.ArrayList<>(List.of(Column.num("#"), Column.text("class"),
                Column.num("instances").help("per dump, oldest first; sorted by the last"), Column.num("change"),
                Column.num("per hour"), Column.num("shallow bytes").help("per dump, oldest first; sorted by the last"),
                Column.num("change"), Column.num("per hour")));
        if (retained) columns.add(Column.num("retained change"));
        Table t = new Table(label, true, columns.toArray(Column[]::new));
        for (int i = 0; i < rows.size(); i++) {
            GrowthRow row = rows.get(i);
            int rank = row.leakRank() != null ? row.leakRank() : i + 1;
            String anchor = charted && i < MAX_CHARTED ? Html.id("grower", i + 1) : null;
            List<Cell> cells = new java.util.ArrayList<>(List.of(Cell.num(rank, String.valueOf(rank)), RowHtml.classCell(row, r.displayName(row), anchor),
                    RowHtml.series(row.samples(), false), RowHtml.change(row.instances(), false), RowHtml.rate(row.instances(), false),
                    RowHtml.series(row.samples(), true), RowHtml.change(row.shallowBytes(), true), RowHtml.rate(row.shallowBytes(), true)));
            if (retained) {
                cells.add(row.retainedBytes() == null ? Cell.text("n/a") : RowHtml.change(row.retainedBytes(), true));
            }
            t.row(cells.toArray(Cell[]::new));
        }
        return t.html();
    }

    private void more(int shown, long total) {
        String more = ReportText.more(shown, total);
        if (more != null) s.append("<p class=\"note\">… ").append(esc(more)).append("</p>\n");
    }

    private static List<Long> values(List<Sample> samples, boolean bytes) {
        return samples.stream().map(x -> bytes ? x.shallowBytes() : x.instances()).toList();
    }
}
