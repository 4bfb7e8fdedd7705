package org.hprofdiff.cli.render.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.hprofdiff.cli.render.html.ReportFixtures;
import org.hprofdiff.cli.report.DiffQuery;
import org.hprofdiff.cli.report.HistogramQuery;
import org.hprofdiff.cli.report.HistogramReport;
import org.hprofdiff.cli.report.InfoReport;
import org.hprofdiff.cli.report.Report;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.diff.failon.FailOn;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    private static final String MD = render(ReportFixtures.diff());
    private static final List<String> LINES = MD.lines().toList();

    @Test
    void theVerdictIsTheFirstLine() {
        assertTrue(LINES.getFirst().startsWith("**Leak suspected: 3 classes grew in every interval ("), LINES.getFirst());
        assertTrue(LINES.getFirst().endsWith("top: com.acme.Conn (+400 objects, +18.8 KB, +800 B/h).**"), LINES.getFirst());
        assertEquals("", LINES.get(1));
        assertEquals("3 dumps over 24.0 h, oldest first: `a.hprof` (2023-11-14 22:13:20 UTC) → `b.hprof` (2023-11-15 10:13:20 UTC)"
                + " → `c.hprof` (2023-11-15 22:13:20 UTC)", LINES.get(2));
    }

    @Test
    void steadyGrowersAreOneCompactTable() {
        int heading = LINES.indexOf("### Steady growers (grew in every interval)");
        assertTrue(heading > 0, MD);
        assertEquals(List.of(
                "| # | Class | Instances | Shallow bytes | Rate/h | Trend |",
                "| --: | :-- | --: | --: | --: | :-- |",
                "| 1 | `com.acme.Conn` | 400 → 800 (+400) | 18.8 KB → 37.5 KB (+18.8 KB) | +16.7/h, +800 B/h | steady growth ↑↑ |",
                "| 2 | `java.util.HashMap$Node[]` | 1 → 3 (+2) | 4.0 KB → 12.0 KB (+8.0 KB) | +0.1/h, +343 B/h | steady growth ↑↑ |",
                "| 3 | ``com.acme.Weird$<lambda>\\|&\"q\"'*_`x` (loader app<script>alert(1)</script>)`` | 100 → 300 (+200) | 2.3 KB → 7.0 KB (+4.7 KB)"
                        + " | +8.3/h, +200 B/h | steady growth ↑↑ |",
                ""), LINES.subList(heading + 2, heading + 8));
    }

    @Test
    void theRestIsFoldedAndSummarized() {
        int labelled = LINES.indexOf("<details><summary>Growth that is not a leak (labelled, not ranked): 1 class</summary>");
        assertTrue(labelled > 0, MD);
        assertEquals("", LINES.get(labelled + 1), "GitHub reads Markdown inside <details> only after a blank line");
        assertEquals("| one\\-time start\\-up growth | `com.acme.Pool` | 50 → 500 → 500 | 3.1 KB → 31.3 KB → 31.3 KB | ↑→ |".replace("\\-", "-"),
                LINES.get(labelled + 4));
        assertTrue(MD.contains("<details><summary>Long object arrays that grew, by length (the same objects, another view): 1 row</summary>"));
        assertTrue(MD.contains("| 1 | `java.util.HashMap$Node[1024]` | 1 → 3 (+2) |"));
        assertEquals("<sub>6 classes compared; not shown: 2 flat; noise floor: changes of at most 10 objects, 4.0 KB or 1.0% count as flat.</sub>",
                LINES.getLast());
        assertFalse(MD.contains("java.lang.String"));
        assertFalse(MD.contains("\u001b"), "no colour codes");
    }

    @Test
    void retentionPathsListTheGrowingOnes() {
        assertFalse(MD.contains("held by"));
        String md = render(ReportFixtures.diffWithPaths());
        assertTrue(md.contains("`com.acme.Conn` is held by:\n\n- `static field → com.acme.Reaper.INSTANCE → java.util.concurrent.ConcurrentHashMap.table"
                + " → [] → com.acme.Conn` — 12 → 1,200 → 2,340 objects, +194.3 KB retained (steady growth)\n- 1 other path did not grow steadily\n"), md);
        assertTrue(md.contains("`java.util.HashMap$Node[]`: no retention path found."));
    }

    @Test
    void breachesFollowTheVerdict() {
        String md = render(DiffQuery.run(ReportFixtures.growth(), 25, FailOn.parse(List.of("count:+300")), List.of("count:+300")));
        List<String> lines = md.lines().toList();
        assertEquals("**FAIL: 1 threshold breach (exit code 1):**", lines.get(2));
        assertTrue(lines.get(4).startsWith("- count:+300: com.acme.Conn +400 objects"), lines.get(4));
    }

    @Test
    void textIsEscapedAndCodeSpansAreFenced() {
        assertEquals("a\\_b\\*c\\$d\\<e\\>\\|\\[x\\]\\(y\\)".replace("\\(", "(").replace("\\)", ")"), Markdown.text("a_b*c$d<e>|[x](y)"));
        assertEquals("`a$b`", Markdown.code("a$b"));
        assertEquals("``a`b``", Markdown.code("a`b"));
        assertEquals("`` `a ``", Markdown.code("`a"));
        assertEquals("`a\\|b`", Markdown.cellCode("a|b"));
    }

    @Test
    void histogramAndInfoAreTables() {
        DumpSummary c = ReportFixtures.summaries(0, 12, 24).get(2);
        String h = render(HistogramQuery.run(c, new HistogramReport.Query(HistogramReport.GroupBy.CLASS, HistogramReport.SortBy.COUNT, "acme", 2, false)));
        assertTrue(h.contains("### Top 2 classes by instance count, class names matching /acme/\n\n| # | Instances | Bytes | Class |\n"
                + "| --: | --: | --: | :-- |\n| 1 | 800 | 38,400 | `com.acme.Conn` |\n| 2 | 500 | 32,000 | `com.acme.Pool` |\n"), h);
        String info = render(new InfoReport(c.dump(), c.sizeModel(), new InfoReport.Records(Map.of(), 7, 0), c.totals(), c.completeness()));
        assertTrue(info.startsWith("**`c.hprof`**: heap dump 1 of 1, JAVA PROFILE 1.0.2, written 2023\\-11\\-15 22:13:20 UTC\n".replace("\\-", "-")), info);
        assertTrue(info.contains("| GC roots | 500: sticky class 500 |"));
    }

    private static String render(Report report) {
        StringWriter out = new StringWriter();
        new MarkdownRenderer().render(report, new PrintWriter(out));
        return out.toString();
    }
}
