package org.hprofdiff.cli.report;

import java.util.List;
import java.util.Map;
import org.hprofdiff.core.size.SizeModel;
import org.hprofdiff.core.summary.DumpSummary;

/**
 * What one dump is: header, size model, records, objects and roots by kind, completeness.
 *
 * @param dump         file, format, id size, time, which heap dump of how many
 * @param sizeModel    the size model used, and where it came from
 * @param records      top-level records of the file
 * @param totals       classes, objects and bytes by kind, GC roots by kind (of the chosen heap dump)
 * @param completeness whether the whole dump was read
 * @param reachability the objects by reachability from the GC roots, with {@code --reachability}; else null
 */
public record InfoReport(DumpSummary.DumpInfo dump, SizeModel sizeModel, Records records, DumpSummary.Totals totals,
                         DumpSummary.Completeness completeness,
                         ReachabilityCounts reachability) implements Report {

    /** Without reachability (no {@code --reachability}). */
    public InfoReport(DumpSummary.DumpInfo dump, SizeModel sizeModel, Records records, DumpSummary.Totals totals,
                      DumpSummary.Completeness completeness) {
        this(dump, sizeModel, records, totals, completeness, null);
    }

    /**
     * @param byTag       top-level records by tag name, in the order of the tags' numbers (STRING first)
     * @param heapRecords HEAP_DUMP / HEAP_DUMP_SEGMENT records of the chosen heap dump
     * @param unknown     records with tags hprof does not define (skipped)
     */
    public record Records(Map<String, Long> byTag, long heapRecords, long unknown) {}

    @Override
    public String kind() { return "info"; }

    @Override
    public List<String> warnings() { return Warnings.of(completeness); }
}
