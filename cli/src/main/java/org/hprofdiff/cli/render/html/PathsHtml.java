package org.hprofdiff.cli.render.html;

import static org.hprofdiff.cli.render.html.Html.esc;

import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.cli.render.ReportText;
import org.hprofdiff.cli.render.html.Table.Cell;
import org.hprofdiff.cli.report.PathWords;
import org.hprofdiff.cli.render.html.Table.Column;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.core.summary.diff.PathGrowth;
import org.hprofdiff.core.summary.diff.PathSample;
import org.hprofdiff.core.summary.diff.Units;

/**
 * The retention paths of one grower, as the index's path analysis attached them ({@link GrowthRow#paths()}).
 * Growing paths are the answer: open, with their steps and charts. The others are context, folded away.
 * A row whose paths were not computed gets nothing: the page never shows a path it was not given.
 */
final class PathsHtml {
    private PathsHtml() {}

    /**
     * @param name      as the report names the row
     * @param idPrefix  unique prefix for the charts' ids
     */
    static String of(GrowthRow row, String name, SeriesAxis axis, String idPrefix) {
        return of(row.paths(), name, axis, idPrefix);
    }

    /** The same for any row's paths (a loader class's loaders): null when not looked for. */
    static String of(List<PathGrowth> paths, String name, SeriesAxis axis, String idPrefix) {
        if (paths == null) return "";
        StringBuilder s = new StringBuilder(1024);
        s.append("<section class=\"paths\">\n<h4>Retention paths</h4>\n");
        if (paths.isEmpty()) {
            return s.append("<p>Looked for retention paths from the GC roots; none found.</p>\n</section>\n").toString();
        }
        List<PathGrowth> growing = new ArrayList<>();
        List<PathGrowth> context = new ArrayList<>();
        for (PathGrowth p : paths) (p.trend().leakSuspect() ? growing : context).add(p);
        int n = 0;
        for (PathGrowth p : growing) s.append(path(p, name, axis, idPrefix + "-p" + ++n, true));
        if (!context.isEmpty()) {
            s.append("<details class=\"context\"><summary>").append(context.size())
                    .append(context.size() == 1 ? " path that did not grow steadily" : " paths that did not grow steadily")
                    .append(" (context)</summary>\n");
            for (PathGrowth p : context) s.append(path(p, name, axis, idPrefix + "-p" + ++n, false));
            s.append("</details>\n");
        }
        return s.append("</section>\n").toString();
    }

    private static String path(PathGrowth p, String name, SeriesAxis axis, String id, boolean growing) {
        StringBuilder s = new StringBuilder(2048);
        s.append("<details class=\"path").append(growing ? " growing\" open>" : "\">").append("<summary><span class=\"badge\">")
                .append(esc(p.trend().label())).append("</span> ")
                .append(esc(ReportText.series(p.samples().stream().map(PathSample::instances).toList(), Units::count))).append(" objects");
        if (p.retained() != null) s.append(", ").append(esc(Units.signedBytes(p.retained().change()))).append(" retained");
        s.append("</summary>\n<ol class=\"steps-list\">\n");
        // the words of a path's first step name its root already; bare signature steps need the kind said
        if (p.display().isEmpty()) s.append("<li class=\"root\">").append(esc(p.rootKind())).append("</li>\n");
        for (String step : p.display().isEmpty() ? p.steps() : p.display()) s.append("<li><code>").append(Html.name(step)).append("</code></li>\n");
        s.append("</ol>\n");
        if (PathWords.also(p) != null) s.append("<p class=\"note\">").append(esc(PathWords.also(p))).append("</p>\n");
        if (PathWords.owner(p) != null) {
            s.append("<p class=\"note\">").append(esc(PathWords.owner(p))).append("</p>\n");
        }
        s.append(perDump(p));
        if (growing) {
            s.append("<div class=\"charts\">\n");
            s.append(new LineChart(id + "-instances", "Objects of " + name + " through " + p.signature(), "instances", axis,
                    p.samples().stream().map(PathSample::instances).toList(), ValueAxis.Unit.OBJECTS).figure("Objects through this path"));
            if (p.samples().stream().allMatch(x -> x.retainedBytes() != null)) {
                s.append(new LineChart(id + "-retained", "Bytes retained through " + p.signature(), "retainedBytes", axis,
                        p.samples().stream().map(PathSample::retainedBytes).toList(), ValueAxis.Unit.BYTES).figure("Retained through this path"));
            }
            s.append("</div>\n");
        }
        return s.append("</details>\n").toString();
    }

    private static String perDump(PathGrowth p) {
        Table t = new Table("per-dump numbers of this path", false, Column.num("dump"), Column.num("objects"), Column.num("retained bytes"));
        for (int i = 0; i < p.samples().size(); i++) {
            PathSample x = p.samples().get(i);
            t.row(Cell.num(i + 1, String.valueOf(i + 1)), Cell.num(x.instances(), x.present() ? Units.count(x.instances()) : "0 (absent)"),
                    x.retainedBytes() == null ? Cell.text("unknown") : Cell.num(x.retainedBytes(), Units.count(x.retainedBytes())));
        }
        return t.html();
    }
}
