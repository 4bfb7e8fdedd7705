package org.hprofdiff.cli.render.html;

import static org.hprofdiff.cli.render.html.Html.esc;

import java.util.Map;
import org.hprofdiff.cli.render.Numbers;
import org.hprofdiff.cli.render.ReportText;
import org.hprofdiff.cli.render.html.Table.Cell;
import org.hprofdiff.cli.render.html.Table.Column;
import org.hprofdiff.cli.report.HistogramReport;
import org.hprofdiff.cli.report.InfoReport;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.diff.Units;

/** Pages about one dump: its histogram (a sortable table) or what the file is (a list of facts). */
final class DumpHtml {
    private DumpHtml() {}

    static String histogram(HistogramReport r) {
        StringBuilder s = new StringBuilder(8192);
        header(s, r.dump(), r.warnings());
        s.append("<p class=\"subtitle\">shallow sizes: ").append(esc(ReportText.sizeModel(r.sizeModel()))).append("</p>\n</header>\n");
        HistogramReport.Query q = r.query();
        s.append("<section id=\"histogram\">\n<h2>").append(esc(ReportText.histogramHeading(q))).append("</h2>\n");
        boolean groups = q.groupBy() != HistogramReport.GroupBy.CLASS;
        String unit = ReportText.histogramUnit(q);
        Table t = groups
                ? new Table(unit, true, Column.num("#"), Column.num("instances"), Column.num("bytes"), Column.num("classes"), Column.text(groupWord(q)))
                : new Table(unit, true, Column.num("#"), Column.num("instances"), Column.num("bytes"), Column.text("class"));
        int rank = 0;
        for (HistogramReport.Row row : r.rows()) {
            rank++;
            Cell label = new Cell("<code class=\"cls\">" + Html.name(row.label()) + "</code>", row.label());
            if (groups) {
                t.row(Cell.num(rank, Units.count(rank)), Cell.num(row.instances(), Units.count(row.instances())),
                        Cell.num(row.shallowBytes(), Units.count(row.shallowBytes())), Cell.num(row.classes(), Units.count(row.classes())), label);
            } else {
                t.row(Cell.num(rank, Units.count(rank)), Cell.num(row.instances(), Units.count(row.instances())),
                        Cell.num(row.shallowBytes(), Units.count(row.shallowBytes())), label);
            }
        }
        s.append(t.isEmpty() ? "<p>No class matches.</p>\n" : t.html());
        HistogramReport.Totals totals = r.totals();
        s.append("<footer>\n<p>Shown: ").append(esc(Units.count(totals.shown().rows()) + " of " + Units.count(totals.matching().rows())
                + " " + unit + ", " + Units.count(totals.shown().objects()) + " objects, " + Units.count(totals.shown().shallowBytes())
                + " bytes (" + Numbers.percent(totals.shown().shallowBytes(), totals.dump().shallowBytes()) + " of all bytes).")).append("</p>\n");
        if (q.filter() != null) {
            s.append("<p>Filter: ").append(esc(Units.count(totals.matching().objects()) + " objects, "
                    + Units.count(totals.matching().shallowBytes()) + " bytes match.")).append("</p>\n");
        }
        s.append("<p><strong>Total: ").append(esc(Units.count(totals.dump().objects()) + " objects, " + Units.count(totals.dump().shallowBytes())
                + " bytes (" + Units.bytes(totals.dump().shallowBytes()) + ") in " + Units.count(totals.dump().rows()) + " classes."))
                .append("</strong></p>\n</footer>\n</section>\n");
        return s.toString();
    }

    static String info(InfoReport r) {
        StringBuilder s = new StringBuilder(4096);
        DumpSummary.DumpInfo d = r.dump();
        header(s, d, r.warnings());
        s.append("</header>\n<section id=\"info\">\n<h2>The file</h2>\n<dl class=\"facts\">\n");
        fact(s, "file", d.path() + " (" + Units.count(d.fileBytes()) + " bytes" + ("none".equals(d.compression()) ? "" : ", " + d.compression()) + ")");
        fact(s, "format", d.format() + ", " + d.idSize() + "-byte ids");
        fact(s, "written", Numbers.time(d.timestampMillis()));
        fact(s, "heap dump", d.dumpNumber() + " of " + d.heapDumpCount());
        fact(s, "size model", ReportText.sizeModel(r.sizeModel()));
        InfoReport.Records rec = r.records();
        fact(s, "records", Units.count(rec.heapRecords()) + " heap dump records in this heap dump"
                + (rec.unknown() > 0 ? ", " + Units.count(rec.unknown()) + " with unknown tags (skipped)" : ""));
        DumpSummary.Totals t = r.totals();
        fact(s, "classes", Units.count(t.classCount()));
        fact(s, "objects", Units.count(t.objects()) + " (" + Units.bytes(t.shallowBytes()) + " shallow)");
        DumpSummary.Completeness c = r.completeness();
        fact(s, "complete", c.partial() ? "NO, partial: " + (c.truncation() != null ? c.truncation() : "part of the heap data was skipped")
                : c.problems().isEmpty() ? "yes" : "yes (with " + c.problems().size() + " notes)");
        s.append("</dl>\n</section>\n");

        Table kinds = new Table("objects by kind", false, Column.text("kind"), Column.num("objects"), Column.num("bytes"));
        for (ClassStats.Kind kind : ClassStats.Kind.values()) {
            long n = t.objectsByKind().getOrDefault(kind, 0L);
            long b = t.bytesByKind().getOrDefault(kind, 0L);
            kinds.row(Cell.text(ReportText.kind(kind)), Cell.num(n, Units.count(n)), Cell.num(b, Units.count(b)));
        }
        s.append("<section id=\"kinds\">\n<h2>Objects by kind</h2>\n").append(kinds.html()).append("</section>\n");
        s.append("<section id=\"roots\">\n<h2>GC roots</h2>\n").append(counts("GC roots by kind", "root kind", t.gcRootsByKind())).append("</section>\n");
        s.append("<section id=\"records\">\n<h2>Top-level records</h2>\n").append(counts("records by tag", "tag", rec.byTag())).append("</section>\n");
        return s.toString();
    }

    private static void header(StringBuilder s, DumpSummary.DumpInfo d, java.util.List<String> warnings) {
        s.append("<header>\n<h1><code>").append(esc(d.path())).append("</code></h1>\n<p class=\"subtitle\">")
                .append(esc("heap dump " + d.dumpNumber() + " of " + d.heapDumpCount() + ", " + d.format() + ", written "
                        + Numbers.time(d.timestampMillis()))).append("</p>\n");
        Warnings.append(s, warnings);
    }

    private static void fact(StringBuilder s, String key, String value) {
        s.append("<dt>").append(esc(key)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    private static String counts(String label, String keyHeader, Map<String, Long> counts) {
        Table t = new Table(label, true, Column.text(keyHeader), Column.num("count"));
        counts.forEach((k, v) -> t.row(Cell.text(k), Cell.num(v, Units.count(v))));
        return t.isEmpty() ? "<p>None.</p>\n" : t.html();
    }

    private static String groupWord(HistogramReport.Query q) {
        return q.groupBy() == HistogramReport.GroupBy.PACKAGE ? "package" : "loader";
    }
}
