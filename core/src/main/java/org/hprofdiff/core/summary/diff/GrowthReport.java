package org.hprofdiff.core.summary.diff;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The result of comparing a series of dumps: everything a renderer (text, CSV, JSON, Markdown, HTML) needs,
 * already ranked. Made by {@link GrowthAnalysis#analyze}.
 *
 * @param schemaVersion   {@link #SCHEMA_VERSION}; changes when a field changes meaning or goes away
 * @param series          the dumps, their timestamps and the intervals between them
 * @param noiseFloor      the floor used to decide up/down/flat
 * @param verdict         leak suspected or not, and why
 * @param classes         one row per class seen in any dump: steady growers first (by shallow-byte growth,
 *                        then instance growth), then the other trends in {@link Trend} order, each by
 *                        shallow-byte change, largest first
 * @param arraysByLength  the same for long object arrays by class and length ({@code HashMap$Node[16384]});
 *                        a second view of objects already counted in {@code classes}, so not part of the verdict
 * @param classLoaders    one row per loader class: steady growers first (a loader leak shows here even when no
 *                        instance of its classes grows); empty when a dump's summary has no loader census
 * @param duplicateClasses class names several loaders define in the newest dump, most loaders gained first
 */
public record GrowthReport(int schemaVersion, DumpSeries series, NoiseFloor noiseFloor, Verdict verdict,
                           List<GrowthRow> classes, List<GrowthRow> arraysByLength, List<LoaderGrowth> classLoaders,
                           List<DuplicateGrowth> duplicateClasses) {

    public static final int SCHEMA_VERSION = 1;

    public GrowthReport {
        classes = List.copyOf(classes);
        arraysByLength = List.copyOf(arraysByLength);
        classLoaders = List.copyOf(classLoaders);
        duplicateClasses = List.copyOf(duplicateClasses);
    }

    /** The loader classes whose loaders grew in every interval. */
    public List<LoaderGrowth> growingLoaders() {
        return classLoaders.stream().filter(row -> row.trend().leakSuspect()).toList();
    }

    /** The leak ranking: class rows with steady growth, best suspect first. */
    public List<GrowthRow> steadyGrowers() {
        return classes.stream().filter(row -> row.trend().leakSuspect()).toList();
    }

    /**
     * This report with retention paths attached to the first {@code top} steady growers of {@link #classes}
     * (other rows keep {@code paths == null}: not computed).
     */
    public GrowthReport withRetentionPaths(RetentionPaths source, int top) {
        return withRetentionPaths(source, row -> row.arrayLength() == null && row.leakRank() != null && row.leakRank() <= top);
    }

    /**
     * This report with retention paths attached to the rows of either table that {@code which} accepts (the
     * caller chooses, e.g. by retained growth); the other rows keep theirs.
     */
    public GrowthReport withRetentionPaths(RetentionPaths source, Predicate<GrowthRow> which) {
        UnaryOperator<GrowthRow> attach = row -> which.test(row) ? row.withPaths(source.pathsOf(row, series)) : row;
        return new GrowthReport(schemaVersion, series, noiseFloor, verdict, classes.stream().map(attach).toList(),
                arraysByLength.stream().map(attach).toList(), classLoaders, duplicateClasses);
    }

    /** This report with retention paths attached to the loader rows {@code which} accepts; the other rows keep theirs. */
    public GrowthReport withLoaderPaths(java.util.function.Function<LoaderGrowth, List<PathGrowth>> source, Predicate<LoaderGrowth> which) {
        return new GrowthReport(schemaVersion, series, noiseFloor, verdict, classes, arraysByLength,
                classLoaders.stream().map(row -> which.test(row) ? row.withPaths(source.apply(row)) : row).toList(), duplicateClasses);
    }
}
