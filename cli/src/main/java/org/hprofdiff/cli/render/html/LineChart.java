package org.hprofdiff.cli.render.html;

import static org.hprofdiff.cli.render.html.Html.attr;
import static org.hprofdiff.cli.render.html.Html.esc;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One number of one row (or retention path) across the dumps, as a small inline SVG line chart: labelled
 * axes, one point per dump with a tooltip ({@code <title>}), and the plotted values repeated in
 * {@code data-values} / {@code data-value} so that scripts and tests read the numbers, not the pixels.
 * Colours come from the page's CSS, so the chart follows dark mode and prints in black.
 */
final class LineChart {
    private static final int WIDTH = 360;
    private static final int HEIGHT = 190;
    private static final int LEFT = 64;
    private static final int RIGHT = 18;
    private static final int TOP = 24;
    private static final int BOTTOM = 50;
    /** Gap between the y axis's labels and the first point, so that the point never sits on a label. */
    private static final int INSET = 10;
    /** Above this many dumps, only every n-th x label is written, so that labels never overlap. */
    private static final int MAX_X_LABELS = 12;

    private final String id;
    private final String title;
    private final String metric;
    private final SeriesAxis xAxis;
    private final List<Long> values;
    private final ValueAxis yAxis;

    /**
     * @param id      unique in the page
     * @param title   what is plotted, e.g. "Instances of com.acme.Conn" (plain text)
     * @param metric  machine name for {@code data-metric}: "instances", "shallowBytes", "retainedBytes"
     * @param values  one per dump of {@code xAxis}
     */
    LineChart(String id, String title, String metric, SeriesAxis xAxis, List<Long> values, ValueAxis.Unit unit) {
        if (values.size() != xAxis.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + xAxis.size() + " dumps");
        }
        this.id = id;
        this.title = title;
        this.metric = metric;
        this.xAxis = xAxis;
        this.values = List.copyOf(values);
        this.yAxis = ValueAxis.of(values, unit);
    }

    /** The chart under a visible caption. */
    String figure(String caption) {
        return "<figure>\n<figcaption>" + esc(caption) + "</figcaption>\n" + svg() + "\n</figure>\n";
    }

    String svg() {
        StringBuilder s = new StringBuilder(2048);
        String csv = values.stream().map(String::valueOf).collect(Collectors.joining(","));
        s.append("<svg class=\"chart\"")
                .append(attr("id", id))
                .append(attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT))
                .append(attr("width", WIDTH)).append(attr("height", HEIGHT))
                .append(" role=\"img\"").append(attr("aria-labelledby", id + "-t " + id + "-d"))
                .append(attr("data-metric", metric)).append(attr("data-unit", yAxis.unit().word))
                .append(attr("data-points", values.size())).append(attr("data-values", csv)).append(">\n");
        s.append("<title").append(attr("id", id + "-t")).append('>').append(esc(title)).append("</title>\n");
        s.append("<desc").append(attr("id", id + "-d")).append('>').append(esc(description())).append("</desc>\n");
        grid(s);
        xAxis(s);
        line(s);
        s.append("</svg>");
        return s.toString();
    }

    private String description() {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) d.append(", ");
            d.append("dump ").append(i + 1).append(": ").append(yAxis.unit().exact(values.get(i)));
        }
        return d.toString();
    }

    private void grid(StringBuilder s) {
        s.append("<g class=\"y-axis\">\n");
        for (long tick : yAxis.ticks()) {
            String y = num(y(tick));
            s.append("<line class=\"grid\"").append(attr("x1", LEFT)).append(attr("x2", WIDTH - RIGHT))
                    .append(attr("y1", y)).append(attr("y2", y)).append("/>")
                    .append("<text class=\"tick\" text-anchor=\"end\" dominant-baseline=\"middle\"")
                    .append(attr("x", LEFT - 6)).append(attr("y", y)).append('>').append(esc(yAxis.tick(tick)))
                    .append("</text>\n");
        }
        s.append("<text class=\"axis-title\"").append(attr("x", LEFT)).append(attr("y", 12)).append('>')
                .append(esc(yAxis.unit().word)).append("</text>\n</g>\n");
    }

    private void xAxis(StringBuilder s) {
        int bottom = HEIGHT - BOTTOM;
        s.append("<g class=\"x-axis\">\n<line class=\"axis\"").append(attr("x1", LEFT)).append(attr("x2", WIDTH - RIGHT))
                .append(attr("y1", bottom)).append(attr("y2", bottom)).append("/>\n");
        int every = (xAxis.size() + MAX_X_LABELS - 1) / MAX_X_LABELS;
        for (int i = 0; i < xAxis.size(); i++) {
            if (i % every != 0 && i != xAxis.size() - 1) continue;
            String x = num(x(i));
            s.append("<text class=\"tick\" text-anchor=\"middle\"").append(attr("x", x)).append(attr("y", bottom + 14)).append('>')
                    .append(esc(xAxis.labels().get(i))).append("</text>");
            if (xAxis.times() != null) {
                s.append("<text class=\"tick time\" text-anchor=\"middle\"").append(attr("x", x)).append(attr("y", bottom + 27))
                        .append('>').append(esc(xAxis.times().get(i))).append("</text>");
            }
            s.append('\n');
        }
        s.append("<text class=\"axis-title\" text-anchor=\"middle\"").append(attr("x", LEFT + (WIDTH - LEFT - RIGHT) / 2))
                .append(attr("y", HEIGHT - 5)).append('>').append(esc(xAxis.title())).append("</text>\n</g>\n");
    }

    private void line(StringBuilder s) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) points.append(' ');
            points.append(num(x(i))).append(',').append(num(y(values.get(i))));
        }
        s.append("<polyline class=\"line\"").append(attr("points", points)).append("/>\n<g class=\"points\">\n");
        for (int i = 0; i < values.size(); i++) {
            long v = values.get(i);
            s.append("<circle class=\"point\" r=\"4\"").append(attr("cx", num(x(i)))).append(attr("cy", num(y(v))))
                    .append(attr("data-dump", i + 1)).append(attr("data-value", v)).append("><title>")
                    .append(esc(xAxis.tooltips().get(i) + ": " + yAxis.unit().exact(v))).append("</title></circle>\n");
        }
        s.append("</g>\n");
    }

    private double x(int dump) {
        List<Double> p = xAxis.positions();
        double span = p.getLast() - p.getFirst();
        double f = span > 0 ? (p.get(dump) - p.getFirst()) / span : dump / (double) Math.max(1, p.size() - 1);
        return LEFT + INSET + f * (WIDTH - LEFT - INSET - RIGHT);
    }

    private double y(long value) {
        return TOP + (1 - yAxis.fraction(value)) * (HEIGHT - TOP - BOTTOM);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
