package org.hprofdiff.cli.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.core.summary.diff.LoaderGrowth;
import org.hprofdiff.core.summary.diff.Sample;
import org.hprofdiff.cli.report.DemoReport;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.cli.report.GraphReport;
import org.hprofdiff.cli.report.HistogramReport;
import org.hprofdiff.cli.report.InfoReport;
import org.hprofdiff.cli.report.Report;

/** RFC 4180 CSV of a report's main table, raw numbers, one header line; for spreadsheets and scripts. */
public final class CsvRenderer implements Renderer {

    @Override
    public void render(Report report, PrintWriter out) {
        switch (report) {
            case HistogramReport h -> histogram(h, out);
            case InfoReport i -> throw new IllegalArgumentException("info has no table to write as CSV");
            case DiffReport d -> diff(d, out);
            case DemoReport d -> diff(d.diff(), out);
            case GraphReport g -> GraphCsv.render(g, out);
        }
        out.flush();
    }

    private void histogram(HistogramReport r, PrintWriter out) {
        boolean retained = r.reachability() != null; // --retained: one more column, last, so scripts reading the others keep working
        List<Object> header = new ArrayList<>(List.of("rank", r.query().groupBy().name().toLowerCase(Locale.ROOT), "loader", "instances", "shallow_bytes", "classes"));
        if (retained) header.add("retained_bytes");
        line(out, header.toArray());
        int rank = 0;
        for (HistogramReport.Row row : r.rows()) {
            if (retained) line(out, ++rank, row.label(), row.loader(), row.instances(), row.shallowBytes(), row.classes(), row.retainedBytes());
            else line(out, ++rank, row.label(), row.loader(), row.instances(), row.shallowBytes(), row.classes());
        }
    }

    /** One line per row of every section; per-dump values in columns instances_1..N, bytes_1..N. */
    private void diff(DiffReport r, PrintWriter out) {
        int n = r.series().dumps().size();
        List<Object> header = new ArrayList<>(List.of("section", "leak_rank", "trend", "class", "loader", "kind", "array_length"));
        for (int i = 1; i <= n; i++) header.add("instances_" + i);
        for (int i = 1; i <= n; i++) header.add("shallow_bytes_" + i);
        header.addAll(List.of("instances_change", "shallow_bytes_change", "instances_per_hour", "shallow_bytes_per_hour"));
        line(out, header.toArray());
        rows(out, "steady_growth", r.steadyGrowers());
        rows(out, "labelled", r.labelled());
        rows(out, "array_by_length", r.arraysByLength());
        // loader rows: loaders that define classes in the instances columns, classes they define in the bytes columns
        for (LoaderGrowth row : r.classLoaders()) {
            List<Object> cells = new ArrayList<>(List.of("class_loaders", row.leakRank() == null ? "" : row.leakRank(),
                    row.trend().name().toLowerCase(Locale.ROOT), row.loaderClass(), "", "class_loader", ""));
            cells.addAll(row.loaders().values());
            cells.addAll(row.classes().values());
            cells.add(row.loaders().change());
            cells.add(row.classes().change());
            cells.add(rate(row.loaders().perHour()));
            cells.add(rate(row.classes().perHour()));
            line(out, cells.toArray());
        }
    }

    private void rows(PrintWriter out, String section, List<GrowthRow> rows) {
        for (GrowthRow row : rows) {
            List<Object> cells = new ArrayList<>(List.of(section, row.leakRank() == null ? "" : row.leakRank(),
                    row.trend().name().toLowerCase(Locale.ROOT), row.name(), row.loader(), row.kind().name().toLowerCase(Locale.ROOT),
                    row.arrayLength() == null ? "" : row.arrayLength()));
            for (Sample s : row.samples()) cells.add(s.instances());
            for (Sample s : row.samples()) cells.add(s.shallowBytes());
            cells.add(row.instances().change());
            cells.add(row.shallowBytes().change());
            cells.add(rate(row.instances().perHour()));
            cells.add(rate(row.shallowBytes().perHour()));
            line(out, cells.toArray());
        }
    }

    private static String rate(Double perHour) {
        return perHour == null ? "" : String.format(Locale.ROOT, "%.1f", perHour);
    }

    static void line(PrintWriter out, Object... cells) {
        List<String> fields = new ArrayList<>(cells.length);
        for (Object c : cells) fields.add(field(c));
        out.print(String.join(",", fields));
        out.print("\r\n");
    }

    /** A field, quoted when it holds a comma, quote or line break (class names can hold none of these, loaders and paths can). */
    static String field(Object value) {
        if (value == null) return "";
        String s = value.toString();
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
