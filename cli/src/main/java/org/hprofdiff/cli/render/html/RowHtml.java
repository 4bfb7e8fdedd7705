package org.hprofdiff.cli.render.html;

import static org.hprofdiff.cli.render.html.Html.attr;
import static org.hprofdiff.cli.render.html.Html.esc;

import java.util.List;
import org.hprofdiff.cli.render.ReportText;
import org.hprofdiff.cli.render.html.Table.Cell;
import org.hprofdiff.cli.render.html.Table.Column;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.core.summary.diff.MetricChange;
import org.hprofdiff.core.summary.diff.Sample;
import org.hprofdiff.core.summary.diff.Units;

/**
 * The cells of one growth row: its name with an expandable block of per-dump numbers, and its
 * series, changes and rates. Shared by the steady-grower, labelled and arrays-by-length tables.
 */
final class RowHtml {
    private RowHtml() {}

    /**
     * The class cell: the row's name as the summary of a {@code <details>} holding the per-dump numbers.
     *
     * @param name         as the report names the row ({@link org.hprofdiff.cli.report.DiffReport#displayName})
     * @param chartAnchor  id of the row's charts, or null when it has none
     */
    static Cell classCell(GrowthRow row, String name, String chartAnchor) {
        StringBuilder s = new StringBuilder(512);
        s.append("<details class=\"row\"><summary><code class=\"cls\">").append(Html.name(name)).append("</code></summary>\n");
        s.append("<p class=\"meta\">").append(esc(kindWords(row))).append(", loader <code>").append(esc(row.loader()))
                .append("</code>, ").append(esc(row.trend().label()))
                .append(chartAnchor == null ? "" : " · <a" + attr("href", "#" + chartAnchor) + ">charts</a>").append("</p>\n");
        s.append(perDump(row));
        s.append("</details>");
        return new Cell(s.toString(), name);
    }

    /** Per-dump numbers of a row with the step into each dump: nothing is hidden behind "first → last". */
    static String perDump(GrowthRow row) {
        boolean retained = row.retainedBytes() != null;
        Table t = retained
                ? new Table("per-dump numbers", false, Column.num("dump"), Column.num("instances"), Column.num("shallow bytes"),
                        Column.num("retained bytes"), Column.text("step"))
                : new Table("per-dump numbers", false, Column.num("dump"), Column.num("instances"), Column.num("shallow bytes"),
                        Column.text("step"));
        List<Sample> samples = row.samples();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            String step = i == 0 ? "" : row.steps().get(i - 1).arrow() + " " + Units.signedCount(s.instances() - samples.get(i - 1).instances());
            Cell dump = Cell.num(i + 1, String.valueOf(i + 1));
            Cell count = Cell.num(s.instances(), s.present() ? Units.count(s.instances()) : "0 (absent)");
            Cell bytes = Cell.num(s.shallowBytes(), Units.count(s.shallowBytes()));
            if (retained) {
                t.row(dump, count, bytes, Cell.num(s.retainedBytes(), Units.count(s.retainedBytes())), Cell.text(step));
            } else {
                t.row(dump, count, bytes, Cell.text(step));
            }
        }
        return t.html();
    }

    static Cell series(List<Sample> samples, boolean bytes) {
        List<Long> values = samples.stream().map(s -> bytes ? s.shallowBytes() : s.instances()).toList();
        String shown = ReportText.series(values, bytes ? Units::bytes : Units::count);
        return Cell.num(values.getLast(), shown);
    }

    static Cell change(MetricChange m, boolean bytes) {
        String shown = esc(bytes ? Units.signedBytes(m.change()) : Units.signedCount(m.change()))
                + (m.percent() == null ? "" : " <span class=\"pct\">" + esc(Units.signedPercent(m.percent())) + "</span>");
        return new Cell(shown, Long.toString(m.change()));
    }

    static Cell rate(MetricChange m, boolean bytes) {
        return Cell.num(m.perHour(), bytes ? ReportText.byteRate(m) : ReportText.countRate(m));
    }

    static Cell steps(GrowthRow row) {
        return new Cell("<span class=\"steps\"" + attr("title", row.trend().label()) + ">" + esc(ReportText.steps(row.steps()))
                + "</span>", ReportText.steps(row.steps()));
    }

    private static String kindWords(GrowthRow row) {
        String kind = ReportText.kind(row.kind());
        return row.arrayLength() == null ? kind : kind + " of length " + Units.count(row.arrayLength());
    }
}
