package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Colour and progress only for a person at a terminal; --quiet, --no-color and NO_COLOR turn them off; --progress
 * shows each phase once, numbered in the whole run; --verbose gives each phase's cost.
 */
class TerminalTest {
    private static final String ESC = "\u001b[";

    @TempDir Path dir;

    private static String dump() {
        return ReaperDumps.get().dumps().get(0).toString();
    }

    /** A copy of the first dump that no index is built for yet (other tests index the shared dumps); made once per test. */
    private String freshDump() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("fresh")).resolve("connection-reaper-1.hprof");
        if (!Files.exists(copy)) Files.copy(ReaperDumps.get().dumps().get(0), copy);
        return copy.toString();
    }

    private Map<String, String> env() {
        return Map.of("HPROF_DIFF_INDEX_DIR", dir.resolve("indexes").toString());
    }

    @Test
    void terminalGetsColourAndProgress() throws IOException {
        Run.Result r = Run.main(true, env(), "histogram", "--top", "3", freshDump());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains(ESC), "colour on a terminal");
        assertTrue(r.err().startsWith("\rreading connection-reaper-1.hprof"), r::toString);
        assertTrue(r.err().endsWith("\r"), () -> "the line is cleared before the results: " + r);
    }

    @Test
    void quietAndNoColourAreHonoured() {
        Run.Result r = Run.main(true, Map.of(), "histogram", "--top", "3", "--quiet", "--no-color", dump());
        assertFalse(r.out().contains(ESC), r::toString);
        assertEquals("", r.err());
        Run.Result env = Run.main(true, Map.of("NO_COLOR", "1"), "histogram", "--top", "3", dump());
        assertFalse(env.out().contains(ESC), env::toString);
    }

    @Test
    void noTerminalNoColourNoProgress() {
        Run.Result r = Run.main("histogram", "--top", "3", dump());
        assertFalse(r.out().contains(ESC), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void progressOnRequestComesAsLinesWithoutATerminal() throws IOException {
        String d = freshDump();
        Run.Result r = Run.main(env(), "histogram", "--top", "3", "--progress", d);
        assertEquals(0, r.code(), r::toString);
        assertEquals(java.util.List.of("reading connection-reaper-1.hprof"), r.errLines(), "the one phase, once");
        assertFalse(r.out().contains(ESC), "still no colour");
        // --progress wins over --quiet for progress only; on a terminal it redraws in place
        assertEquals(r.errLines(), Run.main(env(), "histogram", "--top", "3", "--progress", "--quiet", d).errLines());
        assertTrue(Run.main(true, env(), "histogram", "--top", "3", "--progress", d).err().startsWith("\rreading "));
    }

    /** Every phase once, numbered in the whole run: the index build's five, then the two computations suspects needs. */
    @Test
    void eachPhaseOnceInItsPlaceOfTheWhole() throws IOException {
        Run.Result r = Run.main(env(), "suspects", "--progress", freshDump());
        assertEquals(0, r.code(), r::toString);
        java.util.List<String> phases = r.errLines().stream().filter(l -> !l.startsWith("hprof-diff: ")).toList();
        assertEquals(java.util.List.of("[1/7] pass 1", "[2/7] classes", "[3/7] sort ids", "[4/7] pass 2", "[5/7] roots and threads",
                "[6/7] dominator tree", "[7/7] shortest paths"), phases, r::toString);
        // the index and the tree are reused next time: only what is still missing is shown
        Run.Result again = Run.main(env(), "suspects", "--progress", freshDump());
        assertEquals(java.util.List.of(), again.errLines().stream().filter(l -> !l.startsWith("hprof-diff: ")).toList(), again::toString);
    }

    /** --verbose: each phase's wall time, peak heap and resident memory, as hprof-analyzer's -v prints them. */
    @Test
    void verboseGivesEachPhasesCost() throws IOException {
        Run.Result r = Run.main(env(), "dominators", "--verbose", "--top", "1", freshDump());
        assertEquals(0, r.code(), r::toString);
        for (String phase : java.util.List.of("pass 1", "classes", "sort ids", "pass 2", "roots and threads", "dominator tree")) {
            assertEquals(1, r.errLines().stream().filter(l -> l.matches("hprof-diff: " + phase + ": [0-9]+\\.[0-9]{2} s, heap [0-9]+ MB, RSS [0-9]+ MB")).count(),
                    () -> phase + " once: " + r);
        }
        assertTrue(r.errLines().stream().anyMatch(l -> l.startsWith("hprof-diff:   ") && l.matches(".*: [0-9]+\\.[0-9]{2} s")),
                () -> "the tree's own sub-phases, indented: " + r);
    }

    /** On a terminal the index build's phases are drawn in place, numbered, and the line is cleared at the end. */
    @Test
    void aTerminalSeesTheBuildsPhasesInPlace() throws IOException {
        Run.Result r = Run.main(true, env(), "index", freshDump());
        assertEquals(0, r.code(), r::toString);
        for (String phase : org.hprofdiff.index.build.IndexBuilder.PHASES) assertTrue(r.err().contains("\r[" + (org.hprofdiff.index.build.IndexBuilder.PHASES.indexOf(phase) + 1) + "/" + org.hprofdiff.index.build.IndexBuilder.PHASES.size() + "] " + phase), phase + ": " + r);
        String[] drawn = r.err().split("\r");
        assertTrue(drawn[drawn.length - 1].startsWith("hprof-diff: indexed "), () -> "the note after a cleared line: " + r);
    }

    @Test
    void aSeriesShowsProgressForEachDump() throws IOException {
        java.util.List<Path> d = ReaperDumps.get().dumps();
        Run.Result r = Run.main(env(), "report", "--progress", "-o", dir.resolve("out").toString(), d.get(0).toString(), d.get(1).toString());
        assertEquals(0, r.code(), r::toString);
        java.util.List<String> lines = r.errLines();
        assertEquals("connection-reaper-1.hprof: [1/5] pass 1", lines.getFirst(), r::toString);
        assertTrue(lines.contains("connection-reaper-2.hprof: [5/5] roots and threads"), r::toString);
        assertEquals(lines.size(), new java.util.HashSet<>(lines).size(), () -> "no phase twice: " + r);
        Run.Result quiet = Run.main(env(), "report", "-o", dir.resolve("out").toString(), d.get(0).toString(), d.get(1).toString());
        assertEquals("", quiet.err(), "no terminal, no progress unless asked");
    }

    @Test
    void verboseSaysWhatWasRead() throws IOException {
        Run.Result r = Run.main(env(), "histogram", "--top", "3", "--verbose", freshDump());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().matches("(?s)hprof-diff: reading connection-reaper-1\\.hprof: [0-9.]+ s, heap [0-9]+ MB, RSS [0-9]+ MB\n"
                + "hprof-diff: read .*connection-reaper-1\\.hprof: heap dump 1 of 1, [0-9,]+ objects, [0-9,]+ dump bytes in .*\n"), r::toString);
    }

    @Test
    void aPartialDumpInASeriesGivesExitCode5() throws IOException {
        Path cut = ReaperDumps.truncated(2, 3, 4, dir);
        Run.Result r = Run.main("--format", "json", dump(), cut.toString());
        assertEquals(5, r.code(), r::toString);
        assertTrue(r.err().contains("warning: "), r::toString);
        assertTrue(r.out().contains("\"partial\" : true"), r::toString);
    }
}
