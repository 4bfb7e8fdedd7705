package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The progress line as a terminal shows it, on a fake terminal (a string) with a fake clock: it moves with the
 * work, says what is left, is redrawn at most ten times a second, keeps other lines whole, and takes reports from
 * several threads at once; the plan numbers phases in the whole run.
 */
class ProgressLineTest {
    private final StringWriter terminal = new StringWriter();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Progress.Line line = new Progress.Line(new PrintWriter(terminal), nanos::get);

    private void seconds(double s) {
        nanos.addAndGet((long) (s * 1e9));
    }

    /** What the terminal shows now: the text after the last carriage return, trailing blanks dropped. */
    private String shown() {
        String all = terminal.toString();
        return all.substring(all.lastIndexOf('\r') + 1).stripTrailing();
    }

    @Test
    void thePercentageAdvancesAndTheTimeLeftFollowsTheRate() {
        line.start("[4/7] dominator tree", 1000);
        assertEquals("[4/7] dominator tree 0%", shown());
        seconds(1);
        line.update(10);
        assertEquals("[4/7] dominator tree 1%", shown(), "too early to estimate");
        seconds(48.2);
        line.update(410);
        // 49.2 s for 41%: 70.8 s for the other 59%
        assertEquals("[4/7] dominator tree 41% · 1 min 11 s left", shown());
        seconds(0.05);
        line.update(500);
        assertEquals("[4/7] dominator tree 41% · 1 min 11 s left", shown(), "not redrawn within 100 ms");
        seconds(0.1);
        line.update(450); // an older report that arrives late changes nothing
        assertEquals("[4/7] dominator tree 50% · 49 s left", shown());
        line.finish();
        assertEquals("", shown(), "cleared");
    }

    @Test
    void anUnknownTotalShowsTheTimeSpent() {
        line.start("classes", 0);
        assertEquals("classes", shown());
        seconds(12.4);
        line.update(5);
        assertEquals("classes · 12 s", shown());
    }

    @Test
    void otherLinesStayWholeAndTheProgressIsDrawnAgainBelowThem() {
        line.start("pass 1", 100);
        seconds(3);
        line.update(30);
        line.line("hprof-diff: index at x is stale (the dump changed); rebuilding");
        String[] lines = terminal.toString().split("\n");
        assertEquals("hprof-diff: index at x is stale (the dump changed); rebuilding", lines[0].substring(lines[0].lastIndexOf('\r') + 1));
        assertEquals("pass 1 30% · 7 s left", shown());
        line.finish();
        line.line("after");
        assertTrue(terminal.toString().endsWith("\rafter\n"), terminal::toString); // the line was cleared, then the text
    }

    @Test
    void reportsFromManyThreadsShowTheLargest() throws Exception {
        line.start("inbound", 4_000_000);
        List<Thread> threads = new ArrayList<>();
        AtomicLong shared = new AtomicLong();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 1_000_000; i++) {
                    line.update(shared.incrementAndGet());
                    if (i % 1000 == 0) nanos.addAndGet(1_000_000L);
                }
            }));
        }
        for (Thread t : threads) t.join();
        seconds(1);
        line.update(0);
        assertEquals("inbound 100%", shown());
    }

    /** Drawn only where stderr is a terminal: a person at the terminal with stderr sent to a file gets no progress there. */
    @Test
    void theLineIsDrawnOnlyOnATerminalsStderr() {
        PrintWriter w = new PrintWriter(new StringWriter());
        assertTrue(Progress.of(new Io(w, w, true, true, java.util.Map.of()), false, false) instanceof Progress.Line);
        assertTrue(Progress.of(new Io(w, w, true, false, java.util.Map.of()), false, false) instanceof Progress.None);
        assertTrue(Progress.of(new Io(w, w, true, false, java.util.Map.of()), false, true) instanceof Progress.Steps, "--progress: lines");
        assertTrue(Progress.of(new Io(w, w, true, true, java.util.Map.of()), true, false) instanceof Progress.None, "--quiet");
        assertEquals(false, Io.stderrIsTerminal(), "the test JVM's stderr is a pipe");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("1 s", Progress.Line.duration(200_000_000L));
        assertEquals("45 s", Progress.Line.duration(45_000_000_000L));
        assertEquals("1 min 10 s", Progress.Line.duration(70_000_000_000L));
        assertEquals("2 h 5 min", Progress.Line.duration((2 * 3600 + 5 * 60 + 20) * 1_000_000_000L));
    }

    @Test
    void thePlanNumbersAnnouncedPhasesInTheWholeRun() {
        PhasePlan plan = new PhasePlan();
        assertEquals("reading a.hprof", plan.start("reading a.hprof"), "nothing announced: no numbers");
        plan.clear();
        plan.expect(List.of("dominator tree", "shortest paths"));
        plan.next(List.of("pass 1", "classes", "sort ids", "pass 2", "inbound", "roots and threads"));
        assertEquals("[1/8] pass 1", plan.start("pass 1"));
        assertEquals("[2/8] classes", plan.start("classes"));
        assertEquals("[3/8] sort ids", plan.start("sort ids"));
        assertEquals("[4/8] pass 2", plan.start("pass 2"));
        assertEquals("[5/8] inbound", plan.start("inbound"));
        assertEquals("[6/8] roots and threads", plan.start("roots and threads"));
        // the tree was stored already: the paths come next
        assertEquals("[8/8] shortest paths", plan.start("shortest paths"));
        assertEquals("[9/9] merging paths", plan.start("merging paths"), "an unannounced phase takes the next place");
    }
}
