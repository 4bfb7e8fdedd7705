package org.hprofdiff.core.summary.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import org.hprofdiff.core.summary.DumpSummary;

/**
 * Compares the summaries of 2..N dumps of one program, in the order given (oldest first), and says which
 * classes keep growing. Pure: no files, no index; the same input always gives the same report.
 */
public final class GrowthAnalysis {

    private GrowthAnalysis() {}

    /** {@link #analyze(List, NoiseFloor)} with {@link NoiseFloor#DEFAULT}. */
    public static GrowthReport analyze(List<DumpSummary> dumps) {
        return analyze(dumps, NoiseFloor.DEFAULT);
    }

    /**
     * @throws IllegalArgumentException when fewer than two dumps are given
     */
    public static GrowthReport analyze(List<DumpSummary> dumps, NoiseFloor floor) {
        if (dumps.size() < 2) {
            throw new IllegalArgumentException("a growth analysis needs at least 2 dumps, got " + dumps.size());
        }
        DumpSeries series = SeriesTimeline.of(dumps);
        List<GrowthRow> classes = rank(RowAlignment.classes(dumps), series, floor);
        List<GrowthRow> arrays = rank(RowAlignment.arraysByLength(dumps), series, floor);
        boolean census = LoaderCensusGrowth.known(dumps);
        List<LoaderGrowth> loaders = census ? LoaderCensusGrowth.loaders(dumps, series.spanHours()) : List.of();
        List<DuplicateGrowth> duplicates = census ? LoaderCensusGrowth.duplicates(dumps, series.spanHours()) : List.of();
        return new GrowthReport(GrowthReport.SCHEMA_VERSION, series, floor, VerdictWriter.of(classes, loaders, series), classes, arrays,
                loaders, duplicates);
    }

    /** Most suspicious first: steady growers by byte growth then count growth, then the rest by trend and size of change. */
    static final Comparator<GrowthRow> RANKING = Comparator
            .comparing(GrowthRow::trend)
            .thenComparing(row -> Math.abs(row.shallowBytes().change()), Comparator.reverseOrder())
            .thenComparing(row -> Math.abs(row.instances().change()), Comparator.reverseOrder())
            .thenComparing(GrowthRow::key);

    private static List<GrowthRow> rank(List<RowAlignment.Aligned> aligned, DumpSeries series, NoiseFloor floor) {
        List<GrowthRow> rows = new ArrayList<>(aligned.size());
        for (RowAlignment.Aligned row : aligned) {
            rows.add(row(row, series, floor));
        }
        rows.sort(RANKING);
        int rank = 0;
        for (int i = 0; i < rows.size() && rows.get(i).trend().leakSuspect(); i++) {
            GrowthRow row = rows.get(i);
            rows.set(i, new GrowthRow(row.key(), row.label(), row.name(), row.loader(), row.kind(), row.arrayLength(),
                    row.trend(), ++rank, row.steps(), row.samples(), row.instances(), row.shallowBytes(),
                    row.retainedBytes(), row.paths()));
        }
        return List.copyOf(rows);
    }

    private static GrowthRow row(RowAlignment.Aligned aligned, DumpSeries series, NoiseFloor floor) {
        List<Sample> samples = aligned.samples();
        List<Step> steps = new ArrayList<>(samples.size() - 1);
        for (int i = 1; i < samples.size(); i++) {
            steps.add(floor.step(samples.get(i - 1), samples.get(i)));
        }
        Trend trend = aligned.identity().loaderLost() ? Trend.LOADER_LOST
                : TrendRules.classify(steps, samples.getFirst().present(), samples.getLast().present());
        Double hours = series.spanHours();
        MetricChange instances = change(samples, Sample::instances, hours);
        MetricChange shallow = change(samples, Sample::shallowBytes, hours);
        boolean retainedEverywhere = samples.stream().allMatch(sample -> sample.retainedBytes() != null);
        MetricChange retained = retainedEverywhere ? change(samples, Sample::retainedBytes, hours) : null;
        RowAlignment.Identity id = aligned.identity();
        return new GrowthRow(id.key(), id.label(), id.name(), id.loader(), id.kind(), id.arrayLength(), trend, null, steps,
                samples, instances, shallow, retained, null);
    }

    static MetricChange change(List<Sample> samples, ToLongFunction<Sample> metric, Double spanHours) {
        long first = metric.applyAsLong(samples.getFirst());
        long last = metric.applyAsLong(samples.getLast());
        List<Long> deltas = new ArrayList<>(samples.size() - 1);
        boolean grewEvery = true;
        for (int i = 1; i < samples.size(); i++) {
            long delta = metric.applyAsLong(samples.get(i)) - metric.applyAsLong(samples.get(i - 1));
            deltas.add(delta);
            grewEvery &= delta > 0;
        }
        long change = last - first;
        Double percent = first == 0 ? null : change * 100.0 / first;
        Double perHour = spanHours == null ? null : change / spanHours;
        return new MetricChange(first, last, change, percent, deltas, grewEvery, perHour);
    }
}
