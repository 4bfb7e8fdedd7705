package org.hprofdiff.core.summary.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.summary.DumpSummary;

/**
 * Builds the {@link DumpSeries} of a list of summaries: points, intervals, whether per-hour rates can be
 * computed, and the notes a reader needs (partial dumps, different size models, timestamp problems).
 */
final class SeriesTimeline {

    private SeriesTimeline() {}

    static DumpSeries of(List<DumpSummary> summaries) {
        List<DumpPoint> points = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            points.add(point(i, summaries.get(i)));
        }
        List<String> notes = new ArrayList<>();
        List<Interval> intervals = new ArrayList<>();
        String rateUnavailable = null;
        for (DumpPoint point : points) {
            if (point.timestampMillis() == null && rateUnavailable == null) {
                rateUnavailable = name(point) + " has no timestamp in its header";
            }
        }
        for (int i = 1; i < points.size(); i++) {
            DumpPoint before = points.get(i - 1);
            DumpPoint after = points.get(i);
            Long millis = null;
            if (before.timestampMillis() != null && after.timestampMillis() != null) {
                long elapsed = after.timestampMillis() - before.timestampMillis();
                if (elapsed > 0) {
                    millis = elapsed;
                } else {
                    String problem = elapsed == 0
                            ? name(before) + " and " + name(after) + " have the same timestamp"
                            : name(after) + " is older than " + name(before) + "; the dumps may be out of order";
                    notes.add(problem);
                    if (rateUnavailable == null) rateUnavailable = problem;
                }
            }
            intervals.add(new Interval(before.index(), after.index(), millis));
        }
        Long span = rateUnavailable == null
                ? points.getLast().timestampMillis() - points.getFirst().timestampMillis()
                : null;
        for (int i = 0; i < summaries.size(); i++) {
            DumpSummary.Completeness completeness = summaries.get(i).completeness();
            if (completeness != null && completeness.partial()) {
                notes.add(name(points.get(i)) + " is partial" + (completeness.truncation() == null ? "" : " (" + completeness.truncation() + ")")
                        + ": its numbers cover only what was read");
            }
        }
        sizeModelNote(summaries).ifPresent(notes::add);
        return new DumpSeries(points, intervals, span, rateUnavailable, notes);
    }

    private static DumpPoint point(int index, DumpSummary summary) {
        DumpSummary.DumpInfo info = summary.dump();
        Long timestamp = info.timestampMillis() > 0 ? info.timestampMillis() : null;
        boolean partial = summary.completeness() != null && summary.completeness().partial();
        long objects = summary.totals() == null ? 0 : summary.totals().objects();
        long bytes = summary.totals() == null ? 0 : summary.totals().shallowBytes();
        return new DumpPoint(index, info.path(), info.dumpNumber(), timestamp, partial, objects, bytes);
    }

    /** Shallow bytes of dumps with different object layouts differ even when nothing grew; say so. */
    private static Optional<String> sizeModelNote(List<DumpSummary> summaries) {
        SizeModel first = summaries.getFirst().sizeModel();
        for (int i = 1; i < summaries.size(); i++) {
            SizeModel other = summaries.get(i).sizeModel();
            if (first != null && other != null && !sameLayout(first, other)) {
                return Optional.of("dump 1 and dump " + (i + 1) + " have different object layouts (header "
                        + first.objectHeaderBytes() + " vs " + other.objectHeaderBytes() + " bytes, references "
                        + first.referenceBytes() + " vs " + other.referenceBytes() + " bytes, alignment "
                        + first.objectAlignment() + " vs " + other.objectAlignment()
                        + "): shallow bytes change with the layout, compare instance counts");
            }
        }
        return Optional.empty();
    }

    private static boolean sameLayout(SizeModel a, SizeModel b) {
        return a.objectHeaderBytes() == b.objectHeaderBytes() && a.referenceBytes() == b.referenceBytes()
                && a.objectAlignment() == b.objectAlignment() && a.arrayBaseAligned() == b.arrayBaseAligned();
    }

    private static String name(DumpPoint point) {
        return "dump " + (point.index() + 1) + " (" + point.path() + ")";
    }
}
