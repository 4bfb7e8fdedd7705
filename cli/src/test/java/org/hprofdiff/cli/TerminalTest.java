package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour and progress only for a person at a terminal; --quiet, --no-color and NO_COLOR turn them off. */
class TerminalTest {
    private static final String ESC = "\u001b[";

    @TempDir Path dir;

    private static String dump() {
        return ReaperDumps.get().dumps().get(0).toString();
    }

    @Test
    void terminalGetsColourAndProgress() {
        Run.Result r = Run.main(true, Map.of(), "histogram", "--top", "3", dump());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains(ESC), "colour on a terminal");
        assertTrue(r.err().startsWith("\rreading connection-reaper-1.hprof"), r::toString);
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
    void progressOnRequestComesAsLinesWithoutATerminal() {
        Run.Result r = Run.main("histogram", "--top", "3", "--progress", dump());
        assertEquals(0, r.code(), r::toString);
        java.util.List<String> lines = r.errLines();
        assertEquals("reading connection-reaper-1.hprof ...", lines.getFirst(), r::toString);
        assertEquals("reading connection-reaper-1.hprof done", lines.getLast(), r::toString);
        for (String l : lines.subList(1, lines.size() - 1)) assertTrue(l.matches("reading connection-reaper-1\\.hprof [1-9]0%"), l);
        assertFalse(r.err().contains("\r"), "no redrawing in a log");
        assertFalse(r.out().contains(ESC), "still no colour");
        // --progress wins over --quiet for progress only; on a terminal it redraws in place
        assertEquals(lines, Run.main("histogram", "--top", "3", "--progress", "--quiet", dump()).errLines());
        assertTrue(Run.main(true, Map.of(), "histogram", "--top", "3", "--progress", dump()).err().startsWith("\rreading "));
    }

    @Test
    void aSeriesShowsProgressForEachDump() {
        java.util.List<Path> d = ReaperDumps.get().dumps();
        Run.Result r = Run.main("report", "--progress", "-o", dir.toString(), d.get(0).toString(), d.get(1).toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().startsWith("reading connection-reaper-1.hprof ...\n"), r::toString);
        assertTrue(r.err().contains("reading connection-reaper-2.hprof done\n"), r::toString);
        Run.Result quiet = Run.main("report", "-o", dir.toString(), d.get(0).toString(), d.get(1).toString());
        assertEquals("", quiet.err(), "no terminal, no progress unless asked");
    }

    @Test
    void verboseSaysWhatWasRead() {
        Run.Result r = Run.main("histogram", "--top", "3", "--verbose", dump());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().matches("(?s)hprof-diff: read .*connection-reaper-1\\.hprof: heap dump 1 of 1, [0-9,]+ objects, [0-9,]+ dump bytes in .*\n"), r::toString);
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
