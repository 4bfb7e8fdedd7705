package org.hprofdiff.cli.report;

import java.util.List;
import java.util.Locale;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.diff.Units;
import org.hprofdiff.index.query.HeapTotals;

/**
 * Which dump a graph report is about and the heap the percentages are of.
 *
 * @param dump            the dump file as given
 * @param dumpNumber      which heap dump of the file (1-based)
 * @param index           the index directory used
 * @param references      "strong" (the default: {@code Reference.referent} and the finalizer queue do not retain) or
 *                        "all" ({@code --include-weak}: every reference retains, as in Eclipse MAT's dominator tree)
 * @param keepUnreachable whether unreachable objects were put in the dominator tree ({@code --keep-unreachable}, and
 *                        always for a partial dump)
 * @param treeBytes       bytes in the dominator tree: what the percentages are of
 * @param reachability    the dump's objects by reachability
 * @param completeness    whether the dump was read to its end; a partial dump's results cover the part read
 * @param standInRoots    for a partial dump, the bootstrap classes made system-class roots because the dump lost
 *                        theirs (docs/semantics.md, section 14); 0 otherwise
 */
public record GraphHeap(String dump, int dumpNumber, String index, String references, boolean keepUnreachable, long treeBytes,
                        ReachabilityCounts reachability, DumpSummary.Completeness completeness, long standInRoots) {

    /** The head of a report on {@code dump} (as given) from the analysis's totals. */
    static GraphHeap of(String dump, int dumpNumber, HeapTotals totals) {
        return new GraphHeap(dump, dumpNumber, totals.index().toString(), totals.references().name().toLowerCase(Locale.ROOT),
                totals.keepUnreachable(), totals.treeBytes(), ReachabilityCounts.of(totals.reachability()), totals.completeness(),
                totals.standInRoots());
    }

    /** A share of the bytes in the dominator tree in percent, rounded to 0.01. */
    double percent(long bytes) {
        return treeBytes == 0 ? 0 : Math.round(10_000.0 * bytes / treeBytes) / 100.0;
    }

    /** The report's warning for a partial dump: one line, what was read and what stands in for what was lost. */
    public List<String> warnings() {
        if (!completeness.partial()) return List.of();
        return List.of(Warnings.PARTIAL + (completeness.truncation() != null ? " (" + completeness.truncation() + ")" : "")
                + "; objects no GC root read reaches stay in the tree as if held from the lost part"
                + (standInRoots > 0 ? ", and " + Units.count(standInRoots) + " JDK classes stand in for the lost system-class roots" : "")
                + " (docs/semantics.md, section 14)");
    }
}
