package org.hprofdiff.cli.render.html;

import static org.hprofdiff.cli.render.html.Pages.attribute;
import static org.hprofdiff.cli.render.html.Pages.chart;
import static org.hprofdiff.cli.render.html.Pages.chartIds;
import static org.hprofdiff.cli.render.html.Pages.points;
import static org.hprofdiff.cli.render.html.Pages.render;
import static org.hprofdiff.cli.render.html.Pages.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hprofdiff.cli.report.DiffQuery;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.cli.report.HistogramQuery;
import org.hprofdiff.cli.report.HistogramReport;
import org.hprofdiff.cli.report.InfoReport;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.diff.GrowthAnalysis;
import org.hprofdiff.core.summary.diff.failon.FailOn;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlRendererTest {
    private static final String PAGE = page(ReportFixtures.diff());

    /** The page without its {@code <wbr>} line-break hints, so names read as one string. */
    private static String page(org.hprofdiff.cli.report.Report report) {
        return render(report).replace("<wbr>", "");
    }

    @Test
    void longNamesMayWrapOnlyAtTheirSeparators() {
        String raw = render(ReportFixtures.diff());
        assertTrue(raw.contains("<code class=\"cls\">com.<wbr>acme.<wbr>Conn</code>"));
        assertTrue(raw.contains("<code class=\"cls\">java.<wbr>util.<wbr>HashMap$<wbr>Node[]</code>"));
        assertTrue(raw.contains("<code>a.<wbr>hprof</code>"));
    }

    @Test
    void theVerdictIsTheFirstThingOnThePage() {
        int main = PAGE.indexOf("<main>");
        String first = PAGE.substring(main, PAGE.indexOf("</h1>", main));
        assertTrue(first.startsWith("<main>\n<header>\n<h1 class=\"verdict leak\">Leak suspected: 3 classes grew in every interval"), first);
        assertTrue(first.contains("top: com.acme.Conn (+400 objects, +18.8 KB, +800 B/h)."), first);
        assertTrue(PAGE.contains("<title>hprof-diff: leak suspected (3 dumps over 24.0 h)</title>"));
    }

    @Test
    void eachGrowerHasOnePointPerDumpCarryingItsValue() {
        assertEquals(List.of("grower-1-instances", "grower-1-shallow", "grower-2-instances", "grower-2-shallow",
                "grower-3-instances", "grower-3-shallow"), chartIds(PAGE));
        Map<String, List<String>> expected = Map.of(
                "grower-1-instances", List.of("400", "600", "800"),
                "grower-1-shallow", List.of("19200", "28800", "38400"),
                "grower-2-instances", List.of("1", "2", "3"),
                "grower-2-shallow", List.of("4112", "8224", "12336"),
                "grower-3-instances", List.of("100", "200", "300"),
                "grower-3-shallow", List.of("2400", "4800", "7200"));
        expected.forEach((id, values) -> {
            Element svg = chart(PAGE, id);
            List<Element> points = points(svg);
            assertEquals(values, attribute(points, "data-value"), id);
            assertEquals(List.of("1", "2", "3"), attribute(points, "data-dump"), id);
            assertEquals(String.join(",", values), svg.getAttribute("data-values"), id);
            assertEquals("3", svg.getAttribute("data-points"), id);
            assertEquals(3, svg.getElementsByTagName("polyline").item(0).getAttributes().getNamedItem("points").getNodeValue().split(" ").length);
        });
        assertEquals("Instances of com.acme.Conn", title(chart(PAGE, "grower-1-instances")));
        assertTrue(PAGE.contains("<article class=\"grower\" id=\"grower-1\" data-key=\"com.acme.Conn\">"));
    }

    @Test
    void pointsSitWhereTheirTimeAndValueSay() {
        // Dumps at 0 h, 1 h and 24 h: the second point is 1/24 of the way across, not half-way.
        String page = page(DiffQuery.run(GrowthAnalysis.analyze(ReportFixtures.summaries(0, 1, 24)), 25, null, List.of()));
        List<Element> points = points(chart(page, "grower-1-instances"));
        double x1 = num(points.get(0), "cx"), x2 = num(points.get(1), "cx"), x3 = num(points.get(2), "cx");
        assertEquals(1 / 24.0, (x2 - x1) / (x3 - x1), 0.005);
        // 400 → 600 → 800 on an axis from 0 to 800: each point higher (smaller y) than the one before, evenly.
        double y1 = num(points.get(0), "cy"), y2 = num(points.get(1), "cy"), y3 = num(points.get(2), "cy");
        assertTrue(y1 > y2 && y2 > y3);
        assertEquals(y1 - y2, y2 - y3, 0.15);
        assertEquals(List.of("+1.0 h", "+24.0 h"), texts(chart(page, "grower-1-instances"), "tick time").subList(1, 3));
    }

    @Test
    void axesAreLabelledInRoundSteps() {
        Element count = chart(PAGE, "grower-1-instances");
        assertEquals(List.of("0", "200", "400", "600", "800", "1", "2", "3"), texts(count, "tick"));
        assertEquals(List.of("0 h", "+12.0 h", "+24.0 h"), texts(count, "tick time"));
        assertEquals(List.of("objects", "dump (time since the first)"), texts(count, "axis-title"));
        Element bytes = chart(PAGE, "grower-1-shallow");
        assertEquals(List.of("0 KB", "10 KB", "20 KB", "30 KB", "40 KB"), texts(bytes, "tick").subList(0, 5));
        assertEquals("dump 2 · b.hprof · 2023-11-15 10:13:20 UTC: 600 objects", title(points(count).get(1)));
        assertEquals("dump 3 · c.hprof · 2023-11-15 22:13:20 UTC: 38,400 bytes (37.5 KB)", title(points(bytes).get(2)));
    }

    @Test
    void tablesShowTheNumbersAndSortByRawValues() {
        String growers = section(PAGE, "growers");
        assertTrue(growers.contains("<table class=\"sortable\" aria-label=\"steady growers\">"));
        assertTrue(growers.contains("<td class=\"num\" data-sort=\"800\">400 → 600 → 800</td>"), growers);
        assertTrue(growers.contains("<td class=\"num\" data-sort=\"400\">+400 <span class=\"pct\">+100.0%</span></td>"));
        assertTrue(growers.contains(">+16.7/h</td>"));
        assertTrue(growers.contains("<td class=\"num\" data-sort=\"38400\">18.8 KB → 28.1 KB → 37.5 KB</td>"));
        assertTrue(growers.contains("<td class=\"num\" data-sort=\"800.0\">+800 B/h</td>"));
        String labelled = section(PAGE, "labelled");
        assertTrue(labelled.contains("<td data-sort=\"one-time start-up growth\">one-time start-up growth</td>"), labelled);
        assertTrue(labelled.contains("<code class=\"cls\">com.acme.Pool</code>"));
        assertTrue(labelled.contains("50 → 500 → 500"));
        assertTrue(section(PAGE, "arrays").contains("<code class=\"cls\">java.util.HashMap$Node[1024]</code>"));
        assertFalse(PAGE.contains("java.lang.String"), "flat classes are counted in the footer, not listed");
        assertTrue(PAGE.contains("6 classes compared; not shown: 2 flat."));
        // Every listed row folds out its per-dump numbers: 3 growers, 1 labelled, 1 array row.
        assertEquals(5, count(PAGE, "<details class=\"row\">"));
        assertTrue(growers.contains("<td class=\"num\">2</td><td class=\"num\">600</td><td class=\"num\">28,800</td><td>↑ +200</td>"), growers);
    }

    @Test
    void everythingFromTheDumpIsEscaped() {
        assertFalse(PAGE.contains(ReportFixtures.WEIRD));
        assertFalse(PAGE.contains("<lambda>"));
        assertFalse(PAGE.contains("<script>alert"));
        assertTrue(PAGE.contains("com.acme.Weird$&lt;lambda&gt;|&amp;&quot;q&quot;&#39;*_`x`"));
        assertTrue(PAGE.contains("app&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals(1, count(PAGE, "<script"), "only the page's own script");
        // The chart of that class parses as XML and its title reads back exactly.
        assertEquals("Instances of " + ReportFixtures.WEIRD + " (loader " + ReportFixtures.WEIRD_LOADER + ")", title(chart(PAGE, "grower-3-instances")));
    }

    @Test
    void thePageLoadsNothingFromAnywhere() {
        for (String forbidden : List.of("http:", "https:", "src=", "<link", "url(", "@import", "<img", "<iframe")) {
            assertFalse(PAGE.contains(forbidden), forbidden);
        }
        assertFalse(Pattern.compile("href=\"(?!#)").matcher(PAGE).find(), "only links inside the page");
        assertTrue(PAGE.contains("content=\"default-src &#39;none&#39;;"));
        assertTrue(PAGE.contains("<style>\n") && PAGE.contains("<script>\n"));
        // The style sheet and script are filtered by Maven as resources; these must survive intact.
        assertTrue(PAGE.contains("@media print {") && PAGE.contains("addEventListener('beforeprint'"));
    }

    @Test
    void retentionPathsAppearOnlyWhenGiven() {
        assertFalse(PAGE.contains("Retention paths"), "no paths were computed, so none are shown");

        String page = page(ReportFixtures.diffWithPaths());
        String card1 = between(page, "id=\"grower-1\"", "</article>");
        assertTrue(card1.contains("<h4>Retention paths</h4>"));
        assertEquals(List.of("12", "1200", "2340"), attribute(points(chart(page, "grower-1-p1-instances")), "data-value"));
        assertEquals(List.of("1000", "100000", "200000"), attribute(points(chart(page, "grower-1-p1-retained")), "data-value"));
        assertTrue(card1.contains("<li class=\"root\">static field</li>\n<li><code>com.acme.Reaper.INSTANCE</code></li>"));
        assertTrue(card1.contains("<details class=\"path growing\" open><summary><span class=\"badge\">steady growth</span> 12 → 1,200 → 2,340 objects, +194.3 KB retained</summary>"), card1);
        // The flat path is context: folded, listed with its numbers, no chart.
        String context = between(card1, "<details class=\"context\">", "</section>");
        assertTrue(context.contains("1 path that did not grow steadily (context)"));
        assertTrue(context.contains("<code>java.lang.Thread.target</code>"));
        assertFalse(chartIds(page).contains("grower-1-p2-instances"));
        assertTrue(between(page, "id=\"grower-2\"", "</article>").contains("Looked for retention paths from the GC roots; none found."));
        assertFalse(between(page, "id=\"grower-3\"", "</article>").contains("Retention paths"));
    }

    @Test
    void ciOutcomeAndWarningsFollowTheVerdict() {
        DiffReport r = DiffQuery.run(ReportFixtures.growth(), 25, FailOn.parse(List.of("count:+300")), List.of("count:+300"));
        String page = page(r);
        String header = between(page, "<header>", "</header>");
        assertTrue(header.contains("<section class=\"checks fail\" aria-label=\"CI thresholds\">"), header);
        assertTrue(header.contains("FAIL: 1 threshold breach (exit code 1)"));
        assertTrue(header.contains("<li>count:+300: com.acme.Conn"), header);

        List<DumpSummary> dumps = new ArrayList<>(ReportFixtures.summaries(0, 12, 24));
        DumpSummary c = dumps.get(2);
        dumps.set(2, new DumpSummary(c.schemaVersion(), c.dump(), c.sizeModel(), c.totals(), c.classes(), c.arraysByLength(),
                new DumpSummary.Completeness(true, "ends at byte 1,234", List.of()), null));
        String partial = page(DiffQuery.run(GrowthAnalysis.analyze(dumps), 25, null, List.of()));
        assertTrue(between(partial, "<header>", "</header>").contains("<ul class=\"warnings\" role=\"note\">\n<li><strong>warning:</strong> dump 3 (c.hprof) is partial (ends at byte 1,234)"));
        assertTrue(section(partial, "dumps").contains("<strong class=\"bad\">PARTIAL</strong>"));
    }

    @Test
    void aHistogramIsASortableTable() {
        DumpSummary c = ReportFixtures.summaries(0, 12, 24).get(2);
        HistogramReport h = HistogramQuery.run(c, new HistogramReport.Query(HistogramReport.GroupBy.CLASS, HistogramReport.SortBy.SHALLOW, null, 3, false));
        String page = page(h);
        assertTrue(page.contains("<h1><code>c.hprof</code></h1>"));
        assertTrue(page.contains("<h2>Top 3 classes by shallow bytes</h2>"));
        // 10,000 strings of 24 bytes = 240,000 bytes: the largest row.
        assertTrue(page.contains("<tr><td class=\"num\" data-sort=\"1\">1</td><td class=\"num\" data-sort=\"10000\">10,000</td>"
                + "<td class=\"num\" data-sort=\"240000\">240,000</td><td data-sort=\"java.lang.String\"><code class=\"cls\">java.lang.String</code></td></tr>"), page);
        assertEquals(3, count(section(page, "histogram"), "<tr><td"));
        assertTrue(page.contains("Total: 11,610 objects"));
    }

    @Test
    void anInfoReportIsAListOfFacts() {
        DumpSummary c = ReportFixtures.summaries(0, 12, 24).get(2);
        InfoReport info = new InfoReport(c.dump(), c.sizeModel(), new InfoReport.Records(Map.of("HEAP_DUMP_SEGMENT", 7L), 7, 0), c.totals(), c.completeness());
        String page = page(info);
        assertTrue(page.contains("<dt>format</dt><dd>JAVA PROFILE 1.0.2, 8-byte ids</dd>"));
        assertTrue(page.contains("<dt>size model</dt><dd>12-byte headers, 4-byte references, 8-byte alignment (default)</dd>"));
        assertTrue(page.contains("<td data-sort=\"sticky class\">sticky class</td><td class=\"num\" data-sort=\"500\">500</td>"));
    }

    private static String title(Element e) {
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element c && c.getTagName().equals("title")) return c.getTextContent();
        }
        throw new AssertionError("no title");
    }

    /** Texts of the chart's {@code <text>} elements whose class list is exactly {@code cls}. */
    private static List<String> texts(Element svg, String cls) {
        NodeList texts = svg.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (t.getAttribute("class").equals(cls)) out.add(t.getTextContent());
        }
        return out;
    }

    private static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    private static int count(String s, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    private static String between(String s, String from, String to) {
        int a = s.indexOf(from);
        assertTrue(a >= 0, "no " + from);
        int b = s.indexOf(to, a);
        return s.substring(a, b < 0 ? s.length() : b);
    }
}
