package org.hprofdiff.cli.report;

import java.util.List;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.summary.DumpSummary;

/**
 * The histogram of one dump as asked for: rows grouped, filtered, sorted and cut to the limit.
 *
 * @param dump         which file and heap dump
 * @param sizeModel    how shallow sizes were computed
 * @param query        what was asked
 * @param rows         the rows shown, in order
 * @param totals       whole dump, part matching the filter, part shown
 * @param completeness whether the whole dump was read
 * @param reachability the dump's objects by reachability from the GC roots, with {@code --retained}; else null
 */
public record HistogramReport(DumpSummary.DumpInfo dump, SizeModel sizeModel, Query query, List<Row> rows, Totals totals,
                              DumpSummary.Completeness completeness,
                              ReachabilityCounts reachability) implements Report {

    /** Without reachability (no {@code --retained}). */
    public HistogramReport(DumpSummary.DumpInfo dump, SizeModel sizeModel, Query query, List<Row> rows, Totals totals,
                           DumpSummary.Completeness completeness) {
        this(dump, sizeModel, query, rows, totals, completeness, null);
    }

    public enum GroupBy { CLASS, PACKAGE, LOADER }

    /** {@code RETAINED} needs {@code --retained}. */
    public enum SortBy { SHALLOW, COUNT, RETAINED }

    /**
     * @param filter regular expression matched (find) against class names, or null
     * @param top    row limit, or null for all rows
     */
    public record Query(GroupBy groupBy, SortBy sortBy, String filter, Integer top, boolean arraysByLength) {}

    /**
     * One row: a class, a package, a loader, or object arrays of one class and length.
     *
     * @param label   what the row is, as shown (class name in Java form; a loader is added when several
     *                classes share the name)
     * @param loader  defining loader for class rows, null for groups
     * @param classes classes in the row (1 for a class row)
     * @param retainedBytes with {@code --retained}: bytes the row's objects keep alive, each counted once (objects that
     *                others of the row dominate are inside those: MAT's class-level retained size); null otherwise, and for rows of object arrays of one length
     */
    public record Row(String label, String loader, long instances, long shallowBytes, long classes,
                      Long retainedBytes) {
        public Row(String label, String loader, long instances, long shallowBytes, long classes) {
            this(label, loader, instances, shallowBytes, classes, null);
        }
    }

    /** Objects, bytes and rows: in the dump, matching the filter, and shown. */
    public record Totals(Count dump, Count matching, Count shown) {}

    /** @param rows rows (classes, packages or loaders) this count covers */
    public record Count(long objects, long shallowBytes, long rows) {}

    @Override
    public String kind() { return "histogram"; }

    @Override
    public List<String> warnings() { return Warnings.of(completeness); }
}
