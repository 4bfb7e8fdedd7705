package org.hprofdiff.cli.render.html;

import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.cli.render.Numbers;
import org.hprofdiff.core.summary.diff.DumpPoint;
import org.hprofdiff.core.summary.diff.DumpSeries;

/**
 * The x axis shared by every chart of one report: one position per dump. Dumps are placed by time when
 * the series has usable timestamps, so a slope reads as a rate; otherwise evenly, by position.
 *
 * @param positions  x value of each dump: hours since the first dump, or the 0-based index
 * @param labels     tick label under each dump ("1", "2", ...)
 * @param times      second tick line under each dump ("+12.0 h"), or null when placed by position
 * @param title      what the axis measures
 * @param tooltips   what a point's tooltip says about its dump: number, file, time
 */
record SeriesAxis(List<Double> positions, List<String> labels, List<String> times, String title, List<String> tooltips) {

    static SeriesAxis of(DumpSeries series) {
        List<DumpPoint> dumps = series.dumps();
        boolean timed = series.spanMillis() != null && series.spanMillis() > 0;
        List<Double> positions = new ArrayList<>(dumps.size());
        List<String> labels = new ArrayList<>(dumps.size());
        List<String> times = timed ? new ArrayList<>(dumps.size()) : null;
        List<String> tooltips = new ArrayList<>(dumps.size());
        long t0 = timed ? dumps.getFirst().timestampMillis() : 0;
        for (DumpPoint d : dumps) {
            labels.add(String.valueOf(d.index() + 1));
            if (timed) {
                long since = d.timestampMillis() - t0;
                positions.add(since / 3_600_000.0);
                times.add(d.index() == 0 ? "0 h" : "+" + Numbers.duration(since));
            } else {
                positions.add((double) d.index());
            }
            tooltips.add("dump " + (d.index() + 1) + " · " + d.path()
                    + (d.timestampMillis() == null ? "" : " · " + Numbers.time(d.timestampMillis()))
                    + (d.partial() ? " · PARTIAL" : ""));
        }
        String title = timed ? "dump (time since the first)" : "dump (no usable timestamps: evenly spaced)";
        return new SeriesAxis(List.copyOf(positions), List.copyOf(labels), times == null ? null : List.copyOf(times), title,
                List.copyOf(tooltips));
    }

    int size() { return positions.size(); }
}
