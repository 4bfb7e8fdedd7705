package org.hprofdiff.cli.render;

import static org.hprofdiff.core.summary.diff.Units.count;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.hprofdiff.core.summary.diff.Units;
import org.hprofdiff.cli.report.DemoReport;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.cli.report.GraphReport;
import org.hprofdiff.cli.report.HistogramReport;
import org.hprofdiff.cli.report.InfoReport;
import org.hprofdiff.cli.report.Report;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DumpSummary;

/** Reports for a person at a terminal: the answer first, aligned tables, warnings that stand out. */
public final class TextRenderer implements Renderer {
    private final Style style;

    public TextRenderer(Style style) {
        this.style = style;
    }

    @Override
    public void render(Report report, PrintWriter out) {
        switch (report) {
            case HistogramReport h -> histogram(h, out);
            case InfoReport i -> info(i, out);
            case DiffReport d -> new DiffText(style, out).render(d);
            case DemoReport d -> demo(d, out);
            case GraphReport g -> new GraphText(style, out).render(g);
        }
        warnings(report.warnings(), out);
        out.flush();
    }

    private void histogram(HistogramReport r, PrintWriter out) {
        out.println(dumpLine(r.dump()) + (r.completeness().partial() ? style.warn("  PARTIAL (see the warning below)") : ""));
        out.println(style.dim("shallow sizes: " + ReportText.sizeModel(r.sizeModel())));
        HistogramReport.Query q = r.query();
        String unit = ReportText.histogramUnit(q);
        out.println();
        out.println(style.bold(ReportText.histogramHeading(q)));
        boolean groups = q.groupBy() != HistogramReport.GroupBy.CLASS;
        boolean retained = r.reachability() != null;
        java.util.List<String> headers = new java.util.ArrayList<>(java.util.List.of(">#", ">instances", ">bytes"));
        if (retained) headers.add(">retained");
        if (groups) headers.add(">classes");
        headers.add(groups ? q.groupBy().name().toLowerCase(Locale.ROOT) : "class");
        TextTable table = new TextTable(headers.toArray(String[]::new));
        int rank = 0;
        for (HistogramReport.Row row : r.rows()) {
            rank++;
            java.util.List<String> cells = new java.util.ArrayList<>(java.util.List.of(count(rank), count(row.instances()), count(row.shallowBytes())));
            if (retained) cells.add(row.retainedBytes() == null ? "-" : count(row.retainedBytes()));
            if (groups) cells.add(count(row.classes()));
            cells.add(row.label());
            table.row(cells.toArray(String[]::new));
        }
        if (table.isEmpty()) out.println("  (no class matches)");
        else table.print(out, "", style);
        out.println();
        HistogramReport.Totals t = r.totals();
        out.println("shown:  " + count(t.shown().rows()) + " of " + count(t.matching().rows()) + " " + unit + ", "
                + count(t.shown().objects()) + " objects, " + count(t.shown().shallowBytes()) + " bytes ("
                + Numbers.percent(t.shown().shallowBytes(), t.dump().shallowBytes()) + " of all bytes)");
        if (q.filter() != null) {
            out.println("filter: " + count(t.matching().objects()) + " objects, " + count(t.matching().shallowBytes()) + " bytes match");
        }
        out.println(style.bold("total:  " + count(t.dump().objects()) + " objects, " + count(t.dump().shallowBytes()) + " bytes ("
                + Units.bytes(t.dump().shallowBytes()) + ") in " + count(t.dump().rows()) + " classes"));
        if (retained) {
            out.println(style.dim("retained: bytes the row's objects keep alive, each counted once (Eclipse MAT's class-level retained size)"));
            for (String line : GraphText.reachabilityLines(r.reachability(), r.completeness().partial())) out.println(style.dim(line));
        }
    }

    private void demo(DemoReport r, PrintWriter out) {
        out.println(style.dim(String.format(Locale.ROOT, "demo: %s look-alike, %s, child JVM %s, %.1f s; dumps taken about a second apart,",
                r.scenario(), r.description(), r.javaVersion(), r.seconds())));
        out.println(style.dim("so rates per hour are large: in production the same shape shows over hours."));
        out.println();
        new DiffText(style, out).render(r.diff());
        out.println();
        out.println(r.kept() ? "The dumps are kept in:" : "The dumps were in (deleted after this run; keep them with --keep DIR):");
        for (String d : r.dumps()) out.println("  " + d);
        if (r.kept() && !r.dumps().isEmpty()) out.println("Next: hprof-diff histogram --top 10 " + r.dumps().getLast());
    }

    private void info(InfoReport r, PrintWriter out) {
        DumpSummary.DumpInfo d = r.dump();
        Fields f = new Fields(out);
        f.put("file", d.path() + " (" + count(d.fileBytes()) + " bytes" + ("none".equals(d.compression()) ? "" : ", " + d.compression()) + ")");
        f.put("format", d.format() + ", " + d.idSize() + "-byte ids");
        f.put("written", Numbers.time(d.timestampMillis()));
        f.put("heap dump", d.dumpNumber() + " of " + d.heapDumpCount() + (d.heapDumpCount() > 1 ? " (choose another with --dump N)" : ""));
        f.put("size model", ReportText.sizeModel(r.sizeModel()));
        InfoReport.Records rec = r.records();
        f.put("records", count(rec.heapRecords()) + (rec.heapRecords() == 1 ? " heap dump record" : " heap dump records") + " in this heap dump"
                + (rec.unknown() > 0 ? ", " + count(rec.unknown()) + " with unknown tags (skipped)" : ""));
        f.more(joined(rec.byTag(), s -> s));
        DumpSummary.Totals t = r.totals();
        f.put("classes", count(t.classCount()));
        f.put("objects", count(t.objects()) + " (" + Units.bytes(t.shallowBytes()) + " shallow)");
        for (ClassStats.Kind kind : ClassStats.Kind.values()) {
            long n = t.objectsByKind().getOrDefault(kind, 0L);
            long b = t.bytesByKind().getOrDefault(kind, 0L);
            f.more(String.format(Locale.ROOT, "%-17s %14s objects %16s bytes", ReportText.kind(kind), count(n), count(b)));
        }
        long roots = t.gcRootsByKind().values().stream().mapToLong(Long::longValue).sum();
        f.put("GC roots", count(roots));
        f.more(joined(t.gcRootsByKind(), s -> s));
        DumpSummary.Completeness c = r.completeness();
        f.put("complete", c.partial() ? style.bad("NO, partial: " + (c.truncation() != null ? c.truncation() : "part of the heap data was skipped"))
                : c.problems().isEmpty() ? "yes" : "yes (with " + c.problems().size() + " notes below)");
        if (r.reachability() != null) {
            java.util.List<String> lines = GraphText.reachabilityLines(r.reachability(), c.partial());
            f.put("reachability", lines.getFirst());
            for (String line : lines.subList(1, lines.size())) f.more(line);
        }
    }

    private static String joined(Map<String, Long> counts, java.util.function.UnaryOperator<String> name) {
        StringJoiner j = new StringJoiner(", ");
        counts.forEach((k, v) -> j.add(name.apply(k) + " " + count(v)));
        return j.toString();
    }

    private String dumpLine(DumpSummary.DumpInfo d) {
        return style.bold(d.path()) + ": heap dump " + d.dumpNumber() + " of " + d.heapDumpCount() + ", " + d.format()
                + ", written " + Numbers.time(d.timestampMillis());
    }

    private void warnings(List<String> warnings, PrintWriter out) {
        if (warnings.isEmpty()) return;
        out.println();
        for (String w : warnings) out.println(style.warn("warning: " + w));
    }

    /** "key   value" lines with the values aligned, continuation lines indented to the values. */
    private static final class Fields {
        private static final int KEY_WIDTH = 12;
        private final PrintWriter out;

        Fields(PrintWriter out) { this.out = out; }

        void put(String key, String value) {
            out.println(key + " ".repeat(Math.max(1, KEY_WIDTH - key.length())) + value);
        }

        void more(String value) {
            if (!value.isEmpty()) out.println(" ".repeat(KEY_WIDTH) + value);
        }
    }
}
