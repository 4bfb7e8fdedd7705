package org.hprofdiff.cli.render.markdown;

import static org.hprofdiff.cli.render.markdown.Markdown.cellCode;
import static org.hprofdiff.cli.render.markdown.Markdown.code;
import static org.hprofdiff.cli.render.markdown.Markdown.text;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.hprofdiff.cli.render.GraphText;
import org.hprofdiff.cli.render.Numbers;
import org.hprofdiff.cli.render.Renderer;
import org.hprofdiff.cli.render.ReportText;
import org.hprofdiff.cli.report.DemoReport;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.cli.report.GraphReport;
import org.hprofdiff.cli.report.HistogramReport;
import org.hprofdiff.cli.report.InfoReport;
import org.hprofdiff.cli.report.Report;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.diff.Units;

/**
 * GitHub-flavoured Markdown for pull-request comments and wikis: the answer in the first line, pipe
 * tables, long sections folded, no colour codes. Every report kind renders; a histogram or an info
 * report is a heading line and a table.
 */
public final class MarkdownRenderer implements Renderer {

    @Override
    public void render(Report report, PrintWriter out) {
        String md = switch (report) {
            case DiffReport d -> DiffMarkdown.of(d);
            case DemoReport d -> DiffMarkdown.of(d.diff()) + "\n" + demo(d);
            case HistogramReport h -> histogram(h);
            case GraphReport g -> "```text\n" + GraphText.plain(g) + "```\n";
            case InfoReport i -> info(i);
        };
        out.print(md);
        out.flush();
    }

    private static String demo(DemoReport r) {
        StringBuilder s = new StringBuilder();
        s.append(text(String.format(Locale.ROOT, "Demo: %s look-alike, %s, child JVM %s, %.1f s. The dumps were taken about a second "
                + "apart, so rates per hour are large: in production the same shape shows over hours.", r.scenario(), r.description(),
                r.javaVersion(), r.seconds()))).append("\n\n");
        s.append(r.kept() ? "The dumps are kept in:\n\n" : "The dumps were deleted after this run (keep them with \\-\\-keep DIR):\n\n");
        for (String d : r.dumps()) s.append("- ").append(code(d)).append('\n');
        return s.toString();
    }

    private static String histogram(HistogramReport r) {
        StringBuilder s = new StringBuilder();
        dumpLine(s, r.dump());
        s.append(text("shallow sizes: " + ReportText.sizeModel(r.sizeModel()))).append("\n\n");
        DiffMarkdown.warnings(s, r.warnings());
        if (!r.warnings().isEmpty()) s.append('\n');
        HistogramReport.Query q = r.query();
        s.append("### ").append(text(ReportText.histogramHeading(q))).append("\n\n");
        boolean groups = q.groupBy() != HistogramReport.GroupBy.CLASS;
        String group = q.groupBy().name().toLowerCase(Locale.ROOT);
        Markdown.Table t = groups
                ? new Markdown.Table(">#", ">Instances", ">Bytes", ">Classes", group.substring(0, 1).toUpperCase(Locale.ROOT) + group.substring(1))
                : new Markdown.Table(">#", ">Instances", ">Bytes", "Class");
        int rank = 0;
        for (HistogramReport.Row row : r.rows()) {
            rank++;
            if (groups) t.row(String.valueOf(rank), text(Units.count(row.instances())), text(Units.count(row.shallowBytes())),
                    text(Units.count(row.classes())), cellCode(row.label()));
            else t.row(String.valueOf(rank), text(Units.count(row.instances())), text(Units.count(row.shallowBytes())), cellCode(row.label()));
        }
        s.append(r.rows().isEmpty() ? "No class matches.\n" : t.render()).append('\n');
        HistogramReport.Totals totals = r.totals();
        s.append(text("Shown: " + Units.count(totals.shown().rows()) + " of " + Units.count(totals.matching().rows()) + " "
                + ReportText.histogramUnit(q) + ", " + Units.count(totals.shown().objects()) + " objects, "
                + Units.count(totals.shown().shallowBytes()) + " bytes (" + Numbers.percent(totals.shown().shallowBytes(),
                totals.dump().shallowBytes()) + " of all bytes). Total: " + Units.count(totals.dump().objects()) + " objects, "
                + Units.bytes(totals.dump().shallowBytes()) + " in " + Units.count(totals.dump().rows()) + " classes.")).append('\n');
        return s.toString();
    }

    private static String info(InfoReport r) {
        StringBuilder s = new StringBuilder();
        DumpSummary.DumpInfo d = r.dump();
        dumpLine(s, d);
        DiffMarkdown.warnings(s, r.warnings());
        if (!r.warnings().isEmpty()) s.append('\n');
        DumpSummary.Totals t = r.totals();
        DumpSummary.Completeness c = r.completeness();
        Markdown.Table facts = new Markdown.Table("Fact", "Value")
                .row("file", text(d.path() + " (" + Units.count(d.fileBytes()) + " bytes" + ("none".equals(d.compression()) ? "" : ", " + d.compression()) + ")"))
                .row("format", text(d.format() + ", " + d.idSize() + "-byte ids"))
                .row("size model", text(ReportText.sizeModel(r.sizeModel())))
                .row("records", text(Units.count(r.records().heapRecords()) + " heap dump records, "
                        + Units.count(r.records().unknown()) + " with unknown tags"))
                .row("classes", text(Units.count(t.classCount())))
                .row("objects", text(Units.count(t.objects()) + " (" + Units.bytes(t.shallowBytes()) + " shallow)"));
        for (ClassStats.Kind kind : ClassStats.Kind.values()) {
            facts.row(text(ReportText.kind(kind)), text(Units.count(t.objectsByKind().getOrDefault(kind, 0L)) + " objects, "
                    + Units.count(t.bytesByKind().getOrDefault(kind, 0L)) + " bytes"));
        }
        facts.row("GC roots", text(joined(t.gcRootsByKind())))
                .row("complete", text(c.partial() ? "NO, partial" + (c.truncation() != null ? ": " + c.truncation() : "") : "yes"));
        s.append(facts.render());
        return s.toString();
    }

    private static void dumpLine(StringBuilder s, DumpSummary.DumpInfo d) {
        s.append("**").append(code(d.path())).append("**").append(text(": heap dump " + d.dumpNumber() + " of " + d.heapDumpCount() + ", "
                + d.format() + ", written " + Numbers.time(d.timestampMillis()))).append("\n\n");
    }

    private static String joined(Map<String, Long> counts) {
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder sb = new StringBuilder(Units.count(all));
        String sep = ": ";
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            sb.append(sep).append(e.getKey()).append(' ').append(Units.count(e.getValue()));
            sep = ", ";
        }
        return sb.toString();
    }
}
