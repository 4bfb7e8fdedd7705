package org.hprofdiff.cli.render;

import java.io.PrintWriter;
import java.util.Locale;
import org.hprofdiff.cli.report.GraphReport;
import org.hprofdiff.cli.report.DominatorsReport;

/** CSV of the graph reports that are one table: the dominators (the others are trees and documents). */
final class GraphCsv {
    private GraphCsv() {}

    static void render(GraphReport report, PrintWriter out) {
        if (!(report instanceof DominatorsReport r)) throw new IllegalArgumentException(report.kind() + " has no table to write as CSV");
        CsvRenderer.line(out, "rank", "level", r.query().by().name().toLowerCase(Locale.ROOT), "object_id", "objects", "shallow_bytes",
                "retained_bytes", "percent_of_heap");
        int rank = 0;
        for (DominatorsReport.Row row : r.rows()) {
            if (row.level() == 0) rank++;
            CsvRenderer.line(out, rank, row.level(), row.label(), row.objectId(), row.objects(), row.shallowBytes(), row.retainedBytes(),
                    String.format(Locale.ROOT, "%.2f", row.percent()));
        }
    }
}
