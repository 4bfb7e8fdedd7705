package org.hprofdiff.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.summary.DumpSummary;

/**
 * What {@code hprof-diff index} did: where the dump's index is, whether this run built it, what it holds.
 *
 * @param dump              the dump file as given
 * @param dumpBytes         its size
 * @param location          the index directory
 * @param built             true when this run built the index, false when it reused one
 * @param millis            wall time of this run's opening or building
 * @param objects           objects indexed
 * @param edges             references between them
 * @param classes           classes
 * @param roots             GC root entries
 * @param missingReferences references to ids the dump does not hold (counted, not edges)
 * @param indexBytes        bytes of the index directory's files
 * @param buildMillis       wall time of each build phase, as the index recorded it when it was built
 * @param storedResults     graph results stored beside the index by earlier commands (dominator trees, paths)
 * @param verify            the integrity check's outcome, or null when {@code --verify} was not given
 * @param completeness      whether the indexed dump was read to its end (a partial dump is indexed as far as it goes)
 */
public record IndexReport(String dump, long dumpBytes, String location, boolean built, long millis, long objects, long edges,
                          long classes, long roots, long missingReferences, long indexBytes, Map<String, Long> buildMillis,
                          List<String> storedResults, Verify verify, DumpSummary.Completeness completeness) implements GraphReport {

    /** @param problems one line each; empty when the index is intact */
    public record Verify(boolean ok, List<String> problems) {}

    @Override
    public String kind() { return "index"; }

    @Override
    public List<String> warnings() {
        List<String> lines = new ArrayList<>(Warnings.of(completeness));
        if (verify != null && !verify.ok()) {
            lines.add("the index is damaged (" + verify.problems().size() + " problem(s)); delete " + location + " and run again to rebuild it");
        }
        return lines;
    }
}
