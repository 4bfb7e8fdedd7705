package org.hprofdiff.core.summary.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.summary.ArrayLengthStats;
import org.hprofdiff.core.summary.ClassLoaders;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DuplicateClass;
import org.hprofdiff.core.summary.LoaderStats;
import org.hprofdiff.core.summary.DumpSummary;

/** Hand-built summaries for tests: only the rows a test needs, with round numbers. */
public final class Summaries {

    public static final long HOUR = 3_600_000L;
    public static final long T0 = 1_700_000_000_000L;

    private final String path;
    private long timestamp;
    private SizeModel sizeModel = SizeModel.HOTSPOT_64_COMPRESSED;
    private DumpSummary.Completeness completeness = new DumpSummary.Completeness(false, null, List.of());
    private final List<ClassStats> classes = new ArrayList<>();
    private final List<ArrayLengthStats> arrays = new ArrayList<>();
    private final List<LoaderStats> loaders = new ArrayList<>();
    private final List<DuplicateClass> duplicates = new ArrayList<>();
    private boolean census = true;

    private Summaries(String path, long timestamp) {
        this.path = path;
        this.timestamp = timestamp;
    }

    /** A dump taken {@code hours} after T0. */
    public static Summaries dump(String path, double hours) {
        return new Summaries(path, T0 + Math.round(hours * HOUR));
    }

    public Summaries timestamp(long millis) { this.timestamp = millis; return this; }

    Summaries sizeModel(SizeModel model) { this.sizeModel = model; return this; }

    Summaries partial(String truncation) {
        this.completeness = new DumpSummary.Completeness(true, truncation, List.of("byte 99: truncated"));
        return this;
    }

    /** Instances of an ordinary class of the bootstrap loader, {@code size} bytes each. */
    public Summaries cls(String name, long instances, long size) {
        return cls(name, ClassStats.BOOTSTRAP, instances, size, null);
    }

    public Summaries cls(String name, String loader, long instances, long size, Long retained) {
        classes.add(new ClassStats(name, loader, ClassStats.Kind.INSTANCE, instances, instances * size, retained));
        return this;
    }

    public Summaries array(String name, int length, long instances, long sizeEach) {
        return array(name, ClassStats.BOOTSTRAP, length, instances, sizeEach);
    }

    public Summaries array(String name, String loader, int length, long instances, long sizeEach) {
        arrays.add(new ArrayLengthStats(name, loader, length, instances, instances * sizeEach));
        return this;
    }

    /** {@code loaders} loaders of class {@code loaderClass} that define {@code classes} classes. */
    public Summaries loaders(String loaderClass, long loaders, long classes) {
        this.loaders.add(new LoaderStats(loaderClass, loaders, classes));
        return this;
    }

    /** A class name that {@code loaders} loaders define. */
    public Summaries duplicate(String name, long loaders) {
        duplicates.add(new DuplicateClass(name, loaders));
        return this;
    }

    /** A summary of schema version 1: no class-loader census. */
    public Summaries withoutCensus() {
        census = false;
        return this;
    }

    public DumpSummary build() {
        long objects = classes.stream().mapToLong(ClassStats::instances).sum();
        long bytes = classes.stream().mapToLong(ClassStats::shallowBytes).sum();
        DumpSummary.Totals totals = new DumpSummary.Totals(Map.of(ClassStats.Kind.INSTANCE, objects),
                Map.of(ClassStats.Kind.INSTANCE, bytes), Map.of(), classes.size());
        DumpSummary.DumpInfo info = new DumpSummary.DumpInfo(path, 1000, "JAVA PROFILE 1.0.2", 8, timestamp, "none", 1, 1);
        return new DumpSummary(DumpSummary.SCHEMA_VERSION, info, sizeModel, totals, List.copyOf(classes), List.copyOf(arrays),
                completeness, census ? new ClassLoaders(loaders, duplicates, duplicates.size()) : null);
    }
}
