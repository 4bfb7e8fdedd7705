package org.hprofdiff.cli.render.html;

import static org.hprofdiff.cli.render.html.Html.esc;

import java.io.PrintWriter;
import java.util.Locale;
import org.hprofdiff.cli.render.GraphText;
import org.hprofdiff.cli.render.Renderer;
import org.hprofdiff.cli.report.DemoReport;
import org.hprofdiff.cli.report.DiffReport;
import org.hprofdiff.cli.report.GraphReport;
import org.hprofdiff.cli.report.HistogramReport;
import org.hprofdiff.cli.report.InfoReport;
import org.hprofdiff.cli.report.Report;

/**
 * A report as one self-contained HTML file: style, script and charts (SVG) inline, nothing loaded from
 * anywhere, so it can be mailed, attached to a ticket or opened offline. Diffs get the full page
 * (verdict, sortable tables, per-grower charts, retention paths when known); a histogram or an info
 * report gets a plain page of tables.
 */
public final class HtmlRenderer implements Renderer {

    @Override
    public void render(Report report, PrintWriter out) {
        HtmlPage page = switch (report) {
            case DiffReport d -> new HtmlPage(DiffHtml.title(d), d.kind()).add(DiffHtml.sections(d));
            case DemoReport d -> new HtmlPage(DiffHtml.title(d.diff()), d.kind()).add(DiffHtml.sections(d.diff())).add(demo(d));
            case HistogramReport h -> new HtmlPage("hprof-diff histogram: " + h.dump().path(), h.kind()).add(DumpHtml.histogram(h));
            case InfoReport i -> new HtmlPage("hprof-diff info: " + i.dump().path(), i.kind()).add(DumpHtml.info(i));
            case GraphReport g -> new HtmlPage("hprof-diff " + g.kind(), g.kind()).add("<pre>" + esc(GraphText.plain(g)) + "</pre>\n");
        };
        page.writeTo(out);
        out.flush();
    }

    private static String demo(DemoReport r) {
        StringBuilder s = new StringBuilder("<section id=\"demo\">\n<h2>About this demo</h2>\n<p>");
        s.append(esc(String.format(Locale.ROOT, "%s look-alike: %s; child JVM %s, %.1f s. The dumps were taken about a second apart, "
                + "so rates per hour are large: in production the same shape shows over hours.", r.scenario(), r.description(),
                r.javaVersion(), r.seconds())));
        s.append("</p>\n<p>").append(r.kept() ? "The dumps are kept in:" : "The dumps were deleted after this run (keep them with --keep DIR):")
                .append("</p>\n<ul>\n");
        for (String d : r.dumps()) s.append("<li><code>").append(esc(d)).append("</code></li>\n");
        return s.append("</ul>\n</section>\n").toString();
    }
}
