package org.hprofdiff.cli.render.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hprofdiff.cli.Io;
import org.hprofdiff.cli.Main;
import org.hprofdiff.testdata.scenarios.ClassHistogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code hprof-diff demo --format html} on a real leaking child JVM. The chart of the leaking
 * class must hold the instance counts that the JVM's own {@code GC.class_histogram} reported just before
 * each dump, and the page must pass the browser check.
 */
class DemoHtmlTest {
    private static final String LEAK = "org.hprofdiff.testdata.scenarios.incident.http.PoolingHttpClientConnectionManager";

    @Test
    void theLeakingClassIsChartedWithTheJvmsOwnCounts(@TempDir Path dir) throws Exception {
        Path dumps = dir.resolve("dumps");
        Path page = dir.resolve("demo.html");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new Io(new PrintWriter(out, true), new PrintWriter(err, true), false, Map.of()),
                "demo", "--quiet", "--keep", dumps.toString(), "--format", "html", "-o", page.toString());
        assertEquals(0, code, err.toString());
        String html = Files.readString(page, StandardCharsets.UTF_8);

        List<String> truth = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ClassHistogram h = ClassHistogram.read(dumps.resolve("connection-reaper-" + i + ".histo.txt"));
            truth.add(Long.toString(h.row(LEAK).orElseThrow().instances()));
        }
        Matcher card = Pattern.compile("<article class=\"grower\" id=\"(grower-\\d+)\" data-key=\"" + Pattern.quote(LEAK) + "( @[^\"]*)?\">").matcher(html);
        assertTrue(card.find(), "the leaking class has a card with charts");
        assertEquals(truth, Pages.attribute(Pages.points(Pages.chart(html, card.group(1) + "-instances")), "data-value"));

        Path check = Path.of("src/test/browser/check-html.sh");
        Process p = new ProcessBuilder("bash", check.toString(), page.toString()).redirectErrorStream(true).start();
        String result = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assumeTrue(p.exitValue() != 2, result);
        assertEquals(0, p.exitValue(), result);
    }
}
