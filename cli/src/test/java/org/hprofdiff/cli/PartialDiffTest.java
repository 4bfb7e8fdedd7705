package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hprofdiff.core.read.DumpFormatException;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.Summarizer;
import org.hprofdiff.core.summary.diff.GrowthAnalysis;
import org.hprofdiff.core.summary.diff.GrowthReport;
import org.hprofdiff.core.summary.diff.GrowthRow;
import org.hprofdiff.core.summary.diff.Trend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A complete dump of the connection-reaper scenario compared with the same program's next dump cut short, whose
 * cut lost the application class loader's object: its classes are read with an "unknown loader". They must be
 * matched to the classes of the first dump (each name has one loader there), not ranked as growers from zero; and
 * what the partial diff calls steady growth must be growth in the complete diff too, since a partial dump's counts
 * are lower bounds of the complete one's.
 */
class PartialDiffTest {
    @TempDir static Path dir;
    static Path first;
    static Path whole;
    static Path cut;
    static DumpSummary firstSummary;
    static DumpSummary cutSummary;

    @BeforeAll
    static void dumps() throws IOException, DumpFormatException {
        first = ReaperDumps.get().dumps().get(0);
        whole = ReaperDumps.get().dumps().get(1);
        firstSummary = summary(first);
        // where the loader object lies depends on the heap's layout: take the first cut that loses it
        for (int tenths : new int[] {5, 4, 6, 3, 7}) {
            Path candidate = ReaperDumps.truncated(1, tenths, 10, dir);
            DumpSummary s = summary(candidate);
            if (s.classes().stream().anyMatch(c -> c.loader().equals(ClassStats.UNKNOWN_LOADER) && c.name().contains(".scenarios."))) {
                cut = candidate;
                cutSummary = s;
                break;
            }
        }
    }

    private static DumpSummary summary(Path dump) throws IOException, DumpFormatException {
        try (HprofFile file = HprofFile.open(dump)) {
            return Summarizer.summarize(file);
        }
    }

    @Test
    void lostLoadersAreMatchedByNameOrSetApartNeverRanked() throws IOException, DumpFormatException {
        assumeTrue(cut != null, "no cut of this run's dump lost the application loader's object; skipped");
        assertTrue(cutSummary.completeness().partial());
        GrowthReport partial = GrowthAnalysis.analyze(List.of(firstSummary, cutSummary));

        Map<String, Set<String>> loadersInFirst = new HashMap<>();
        for (ClassStats c : firstSummary.classes()) loadersInFirst.computeIfAbsent(c.name(), k -> new HashSet<>()).add(c.loader());
        Map<String, GrowthRow> rows = partial.classes().stream().collect(Collectors.toMap(GrowthRow::key, r -> r));
        int matched = 0;
        for (ClassStats c : cutSummary.classes()) {
            if (!c.loader().equals(ClassStats.UNKNOWN_LOADER)) continue;
            Set<String> there = loadersInFirst.getOrDefault(c.name(), Set.of());
            if (there.size() == 1 && !there.contains(ClassStats.UNKNOWN_LOADER)) {
                GrowthRow row = rows.get(new ClassStats(c.name(), there.iterator().next(), c.kind(), 0, 0, null).key());
                assertEquals(c.instances(), row.samples().get(1).instances(), c.name() + ": the cut dump's count, under the first dump's class");
                assertFalse(rows.containsKey(c.key()), c.name() + " also under the lost loader");
                matched++;
            } else {
                assertEquals(Trend.LOADER_LOST, rows.get(c.key()).trend(), c.name());
            }
        }
        assertTrue(matched > 0, "the scenario's classes are matched");
        for (GrowthRow g : partial.steadyGrowers()) assertFalse(g.loader().startsWith(ClassStats.UNKNOWN_LOADER), g.key());

        // a partial dump's counts are lower bounds: what grew in the partial comparison grew in the complete one
        GrowthReport complete = GrowthAnalysis.analyze(List.of(firstSummary, summary(whole)));
        Set<String> grewInTruth = complete.classes().stream().filter(r -> r.instances().change() > 0 || r.shallowBytes().change() > 0)
                .map(GrowthRow::key).collect(Collectors.toSet());
        for (GrowthRow g : partial.steadyGrowers()) assertTrue(grewInTruth.contains(g.key()), g.key() + " grew only in the partial comparison");
    }

    @Test
    void theCommandSaysPartialAndRanksNoLostLoader() {
        assumeTrue(cut != null, "no cut of this run's dump lost the application loader's object; skipped");
        Run.Result r = Run.main("--no-paths", "--all", first.toString(), cut.toString());
        assertEquals(5, r.code(), r::toString);
        String ranked = r.out().substring(0, r.out().indexOf("Growth that is not a leak") < 0 ? r.out().length() : r.out().indexOf("Growth that is not a leak"));
        assertFalse(ranked.contains(ClassStats.UNKNOWN_LOADER), r::toString);
    }
}
