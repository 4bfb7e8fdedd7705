package org.hprofdiff.cli.render.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hprofdiff.cli.report.HistogramQuery;
import org.hprofdiff.cli.report.HistogramReport;
import org.hprofdiff.cli.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: headless Chromium opens it with a probe script
 * ({@code src/test/browser/check-html.sh} and {@code probe.js}) that records script errors and checks the
 * charts, sorting and printing as laid out by the browser. Skipped, with the script's message, where
 * Chromium is not installed and cannot be.
 */
class HtmlBrowserTest {
    private static final Path CHECK = Path.of("src/test/browser/check-html.sh");
    private static final Path KEPT = Path.of("target/browser-check");

    @Test
    void theDiffPageRunsWithoutErrorsAndDrawsEveryPoint(@TempDir Path dir) throws Exception {
        String dom = check(ReportFixtures.diffWithPaths(), dir, "diff");
        // 3 growers × (instances, shallow bytes) + the growing path's (objects, retained): 8 charts of 3 dumps.
        assertEquals("8", body(dom, "data-charts"));
        assertEquals("24", body(dom, "data-points"));
        assertEquals("0", body(dom, "data-resources"));
        // The values the browser holds after the page's script ran are the dumps' numbers.
        assertEquals(List.of("400", "600", "800"), values(dom, "grower-1-instances"));
        assertEquals(List.of("12", "1200", "2340"), values(dom, "grower-1-p1-instances"));
        // Steady growers (8 columns), labelled (6) and arrays by length (8), every column clicked twice.
        assertEquals("22", body(dom, "data-sorted-columns"));
    }

    @Test
    void theHistogramPageSortsItsTable(@TempDir Path dir) throws Exception {
        HistogramReport h = HistogramQuery.run(ReportFixtures.summaries(0, 12, 24).get(2),
                new HistogramReport.Query(HistogramReport.GroupBy.CLASS, HistogramReport.SortBy.SHALLOW, null, null, false));
        String dom = check(h, dir, "histogram");
        assertEquals("0", body(dom, "data-charts"));
        assertEquals("4", body(dom, "data-sorted-columns"));
    }

    @Test
    void theCheckCatchesAScriptErrorAndAMisplacedPoint(@TempDir Path dir) throws Exception {
        String page = Pages.render(ReportFixtures.diff());
        // The page's script throws before it adds the sort buttons; and one point claims a value its chart does not have.
        String broken = page.replace("'use strict';", "'use strict'; null.boom();")
                .replaceFirst("data-dump=\"2\" data-value=\"600\"", "data-dump=\"2\" data-value=\"601\"");
        assertTrue(broken.contains("null.boom()") && broken.contains("data-value=\"601\""));
        Result r = run(broken, dir, "broken");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("error: Uncaught TypeError"), r.out());
        assertTrue(r.out().contains("grower-1-instances: point 2 holds 601, expected 600"), r.out());
        assertTrue(r.out().contains("no sort button"), r.out());
    }

    private record Result(int code, String out) {}

    /** Runs the browser check on the rendered report and returns the DOM Chromium ended with. */
    private static String check(Report report, Path dir, String name) throws IOException, InterruptedException {
        Result r = run(Pages.render(report), dir, name);
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().startsWith("browser check: ok:"), r.out());
        String html = Files.readString(dir.resolve("dom.html"), StandardCharsets.UTF_8);
        assertEquals("ok", body(html, "data-probe"), body(html, "data-probe-errors"));
        assertEquals("", body(html, "data-probe-errors"));
        return html;
    }

    /** The page is kept under target/ for a person to open, or to run check-html.sh --screenshot on. */
    private static Result run(String html, Path dir, String name) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHECK), CHECK + " is missing");
        Path page = Files.createDirectories(KEPT).resolve(name + ".html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("bash", CHECK.toString(), "--dom", dir.resolve("dom.html").toString(), page.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the browser check did not finish");
        assumeTrue(p.exitValue() != 2, out);
        return new Result(p.exitValue(), out);
    }

    private static String body(String dom, String attribute) {
        Matcher body = Pattern.compile("<body [^>]*data-report=[^>]*>").matcher(dom);
        assertTrue(body.find(), "no <body> in the DOM");
        Matcher m = Pattern.compile(" " + Pattern.quote(attribute) + "=\"([^\"]*)\"").matcher(body.group());
        assertTrue(m.find(), "no " + attribute + " on " + body.group());
        return m.group(1);
    }

    private static List<String> values(String dom, String chartId) {
        Matcher svg = Pattern.compile("<svg class=\"chart\" id=\"" + Pattern.quote(chartId) + "\".*?</svg>", Pattern.DOTALL).matcher(dom);
        assertTrue(svg.find(), "no chart " + chartId + " in the browser's DOM");
        Matcher point = Pattern.compile("<circle class=\"point\"[^>]* data-value=\"(\\d+)\"").matcher(svg.group());
        List<String> values = new java.util.ArrayList<>();
        while (point.find()) values.add(point.group(1));
        return values;
    }
}
