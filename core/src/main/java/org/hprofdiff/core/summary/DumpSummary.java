package org.hprofdiff.core.summary;

import java.util.List;
import java.util.Map;
import org.hprofdiff.core.size.SizeModel;

/**
 * Everything about one dump that reports and diffs need, small enough to keep as JSON beside the dump
 * and to compare against later ({@code --baseline}). Serialised with its components in this order;
 * {@link #SCHEMA_VERSION} changes when a field changes meaning or goes away.
 *
 * @param dump          which file and heap dump this describes
 * @param sizeModel     how shallow sizes were computed
 * @param totals        objects and bytes by kind, GC roots by kind
 * @param classes       one row per class, largest shallow size first
 * @param arraysByLength long object arrays by class and length
 * @param completeness  whether the whole dump was read
 * @param classLoaders  the loaders that define classes, by loader class, and the class names several define;
 *                      null in a summary of schema version 1, which did not have them
 * @param retentionPaths the retention paths of the rows big enough to matter, written from the dump's index so that
 *                      the summary can stand for the dump in a series; null when not written (a summary of the class
 *                      totals only)
 */
public record DumpSummary(int schemaVersion, DumpInfo dump, SizeModel sizeModel, Totals totals, List<ClassStats> classes,
                          List<ArrayLengthStats> arraysByLength, Completeness completeness, ClassLoaders classLoaders,
                          SummaryPaths retentionPaths) {

    /** A summary without retention paths: what one pass over the dump gives. */
    public DumpSummary(int schemaVersion, DumpInfo dump, SizeModel sizeModel, Totals totals, List<ClassStats> classes,
                       List<ArrayLengthStats> arraysByLength, Completeness completeness, ClassLoaders classLoaders) {
        this(schemaVersion, dump, sizeModel, totals, classes, arraysByLength, completeness, classLoaders, null);
    }

    /** 2: {@code classLoaders} added. A version 1 summary still reads, without them. */
    public static final int SCHEMA_VERSION = 2;

    /** The same summary with other class rows (retained sizes filled in, say). */
    public DumpSummary withClasses(List<ClassStats> otherClasses) {
        return new DumpSummary(schemaVersion, dump, sizeModel, totals, otherClasses, arraysByLength, completeness, classLoaders, retentionPaths);
    }

    /** The same summary without class retained sizes (a series compares classes by count and shallow bytes). */
    public DumpSummary withoutRetainedSizes() {
        if (classes == null) return this;
        return withClasses(classes.stream()
                .map(c -> c.retainedBytes() == null ? c : new ClassStats(c.name(), c.loader(), c.kind(), c.instances(), c.shallowBytes(), null))
                .toList());
    }

    /** The same summary describing another file (a saved summary stands for the dump it was made from). */
    public DumpSummary withDump(DumpInfo otherDump) {
        return new DumpSummary(schemaVersion, otherDump, sizeModel, totals, classes, arraysByLength, completeness, classLoaders, retentionPaths);
    }

    /** The same summary with retention paths (written from the dump's index). */
    public DumpSummary withRetentionPaths(SummaryPaths paths) {
        return new DumpSummary(schemaVersion, dump, sizeModel, totals, classes, arraysByLength, completeness, classLoaders, paths);
    }

    /**
     * @param path            as given by the user
     * @param fileBytes       size on disk
     * @param format          "JAVA PROFILE 1.0.2" etc.
     * @param idSize          4 or 8
     * @param timestampMillis dump time from the header (ms since the epoch)
     * @param compression     "none" or "gzip"
     * @param dumpNumber      which heap dump of the file (1-based)
     * @param heapDumpCount   heap dumps in the file
     */
    public record DumpInfo(String path, long fileBytes, String format, int idSize, long timestampMillis, String compression,
                           int dumpNumber, int heapDumpCount) {}

    /**
     * @param objectsByKind  counts per {@link ClassStats.Kind}
     * @param bytesByKind    shallow bytes per {@link ClassStats.Kind}
     * @param gcRootsByKind  GC root records per root kind label
     * @param classCount     classes (class dumps) in the heap dump
     */
    public record Totals(Map<ClassStats.Kind, Long> objectsByKind, Map<ClassStats.Kind, Long> bytesByKind,
                         Map<String, Long> gcRootsByKind, long classCount) {
        public long objects() { return objectsByKind.values().stream().mapToLong(Long::longValue).sum(); }
        public long shallowBytes() { return bytesByKind.values().stream().mapToLong(Long::longValue).sum(); }
    }

    /**
     * @param partial     true when part of the dump could not be read; numbers cover what was read
     * @param truncation  where the data ended early, or null
     * @param problems    what was skipped, one line each ("byte N: ...")
     */
    public record Completeness(boolean partial, String truncation, List<String> problems) {}
}
