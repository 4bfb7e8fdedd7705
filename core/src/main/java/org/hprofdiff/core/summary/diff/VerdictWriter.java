package org.hprofdiff.core.summary.diff;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Sums up the ranked class rows into the {@link Verdict} at the top of a report. */
final class VerdictWriter {

    private VerdictWriter() {}

    static Verdict of(List<GrowthRow> rankedClasses, List<LoaderGrowth> loaders, DumpSeries series) {
        Map<Trend, Integer> byTrend = new EnumMap<>(Trend.class);
        for (Trend trend : Trend.values()) byTrend.put(trend, 0);
        for (GrowthRow row : rankedClasses) byTrend.merge(row.trend(), 1, Integer::sum);
        List<GrowthRow> growers = rankedClasses.stream().filter(row -> row.trend().leakSuspect()).toList();
        long bytes = growers.stream().mapToLong(row -> row.shallowBytes().change()).sum();
        long instances = growers.stream().mapToLong(row -> row.instances().change()).sum();
        List<LoaderGrowth> growingLoaders = loaders.stream().filter(row -> row.trend().leakSuspect()).toList();
        String summary;
        if (growers.isEmpty() && growingLoaders.isEmpty()) {
            summary = noLeak(byTrend, series);
        } else if (growingLoaders.isEmpty()) {
            summary = leak(growers, bytes, instances, series);
        } else {
            // a loader leak first: it keeps every class it defined, whatever grows with it
            String classes = growers.isEmpty() ? "." : "; " + leak(growers, bytes, instances, series).substring("Leak suspected: ".length());
            summary = "Leak suspected: " + loaderLeak(growingLoaders, series) + classes;
        }
        return new Verdict(!growers.isEmpty() || !growingLoaders.isEmpty(), growers.size(), bytes, instances, growingLoaders.size(),
                Collections.unmodifiableMap(byTrend), summary);
    }

    /** {@code "class loaders grew in every interval (java.net.URLClassLoader: 2 → 6 loaders, 24 → 72 classes)"}. */
    private static String loaderLeak(List<LoaderGrowth> growing, DumpSeries series) {
        LoaderGrowth top = growing.getFirst();
        String more = growing.size() == 1 ? "" : "; and " + (growing.size() - 1) + " more loader " + (growing.size() == 2 ? "class" : "classes");
        return "class loaders " + grewWhen(series) + " (" + top.loaderClass() + ": " + Units.count(top.loaders().first()) + " → "
                + Units.count(top.loaders().last()) + " loaders, " + Units.count(top.classes().first()) + " → " + Units.count(top.classes().last())
                + " classes" + more + ")";
    }

    private static String leak(List<GrowthRow> growers, long bytes, long instances, DumpSeries series) {
        GrowthRow top = growers.getFirst();
        String topRate = top.shallowBytes().perHour() == null ? "" : ", " + Units.byteRate(top.shallowBytes().perHour());
        return "Leak suspected: " + growers.size() + (growers.size() == 1 ? " class " : " classes ") + grewWhen(series)
                + " (" + Units.signedCount(instances) + " objects, " + Units.signedBytes(bytes) + "); top: " + top.label()
                + " (" + Units.signedCount(top.instances().change()) + " objects, " + Units.signedBytes(top.shallowBytes().change())
                + topRate + ").";
    }

    private static String noLeak(Map<Trend, Integer> byTrend, DumpSeries series) {
        StringBuilder labelled = new StringBuilder();
        for (Trend trend : List.of(Trend.INTERMITTENT_GROWTH, Trend.NEW, Trend.PLATEAU, Trend.STARTUP_GROWTH, Trend.NOISE)) {
            int count = byTrend.get(trend);
            if (count > 0) {
                labelled.append(labelled.isEmpty() ? "" : ", ").append(count).append(' ').append(trend.label());
            }
        }
        return "No leak suspected: no class " + grewWhen(series)
                + (labelled.isEmpty() ? "." : " (other classes labelled: " + labelled + ").");
    }

    private static String grewWhen(DumpSeries series) {
        return series.dumps().size() == 2 ? "grew between the two dumps" : "grew in every interval";
    }
}
