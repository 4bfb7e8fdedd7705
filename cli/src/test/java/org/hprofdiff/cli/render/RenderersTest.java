package org.hprofdiff.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hprofdiff.cli.report.HistogramReport;
import org.hprofdiff.cli.report.HistogramReport.Count;
import org.hprofdiff.cli.report.HistogramReport.GroupBy;
import org.hprofdiff.cli.report.HistogramReport.Query;
import org.hprofdiff.cli.report.HistogramReport.Row;
import org.hprofdiff.cli.report.HistogramReport.SortBy;
import org.hprofdiff.cli.report.Report;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.summary.DumpSummary;
import org.junit.jupiter.api.Test;

/** The same report through each renderer: what each format must hold. */
class RenderersTest {
    private static final HistogramReport REPORT = new HistogramReport(
            new DumpSummary.DumpInfo("a.hprof", 123, "JAVA PROFILE 1.0.2", 8, 1_700_000_000_000L, "none", 1, 1),
            SizeModel.HOTSPOT_64_COMPRESSED,
            new Query(GroupBy.CLASS, SortBy.SHALLOW, null, 2, false),
            List.of(new Row("byte[]", "bootstrap", 1234, 1_234_567, 1), new Row("a.B (loader x, \"y\")", "x, \"y\"", 7, 168, 1)),
            new HistogramReport.Totals(new Count(2000, 2_000_000, 10), new Count(2000, 2_000_000, 10), new Count(1241, 1_234_735, 2)),
            new DumpSummary.Completeness(true, "byte 999: the file ends here", List.of()));

    @Test
    void jsonKeepsDeclarationOrderAndNumbers() throws Exception {
        JsonNode root = new ObjectMapper().readTree(render(new JsonRenderer(), REPORT));
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("report", "schemaVersion", "dump", "sizeModel", "query", "rows", "totals", "completeness", "reachability", "warnings"), keys);
        assertEquals("histogram", root.get("report").asText());
        assertEquals(1_234_567, root.get("rows").get(0).get("shallowBytes").asLong());
        assertEquals(1_700_000_000_000L, root.get("dump").get("timestampMillis").asLong());
        assertTrue(root.get("warnings").get(0).asText().startsWith("PARTIAL RESULT"));
    }

    @Test
    void csvQuotesWhatNeedsIt() {
        String csv = render(new CsvRenderer(), REPORT);
        assertEquals("rank,class,loader,instances,shallow_bytes,classes\r\n"
                + "1,byte[],bootstrap,1234,1234567,1\r\n"
                + "2,\"a.B (loader x, \"\"y\"\")\",\"x, \"\"y\"\"\",7,168,1\r\n", csv);
    }

    @Test
    void textAlignsNumbersAndEndsWithTotalsAndTheWarning() {
        String text = render(new TextRenderer(Style.PLAIN), REPORT);
        assertTrue(text.contains("#  instances      bytes  class\n"
                + "1      1,234  1,234,567  byte[]\n"
                + "2          7        168  a.B (loader x, \"y\")\n"), text);
        assertTrue(text.contains("total:  2,000 objects, 2,000,000 bytes (1.9 MB) in 10 classes"), text);
        assertTrue(text.strip().endsWith("warning: PARTIAL RESULT: the dump could not be read to the end; numbers cover only the part that was read (byte 999: the file ends here)"), text);
        assertTrue(!text.contains("\u001b["), "no escape codes without colour");
    }

    @Test
    void colourOnlyWhenAsked() {
        assertTrue(render(new TextRenderer(new Style(true)), REPORT).contains("\u001b[1m"));
    }

    @Test
    void timesAndSpans() {
        assertEquals("12.0 h", Numbers.duration(12 * 3_600_000L));
        assertEquals("45 min", Numbers.duration(45 * 60_000L));
        assertEquals("2023-11-14 22:13:20 UTC", Numbers.time(1_700_000_000_000L));
        assertEquals("unknown", Numbers.time(0));
    }

    private static String render(Renderer r, Report report) {
        StringWriter s = new StringWriter();
        r.render(report, new PrintWriter(s));
        return s.toString();
    }
}
