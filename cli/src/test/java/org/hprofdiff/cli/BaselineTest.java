package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.core.summary.ClassStats;
import org.hprofdiff.core.summary.DumpSummary;
import org.hprofdiff.core.summary.SummaryJson;
import org.hprofdiff.testdata.scenarios.ScenarioRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code summary} saves a dump's summary; {@code --baseline} compares against it instead of the dump. The
 * comparison must come out the same, row for row and number for number, as with the dump itself.
 */
class BaselineTest {
    private static final String MANAGER = "org.hprofdiff.testdata.scenarios.incident.http.PoolingHttpClientConnectionManager";

    @TempDir Path dir;

    private static List<Path> dumps() {
        return ReaperDumps.get().dumps();
    }

    private Path summaryOfFirst() {
        Path file = dir.resolve("day1.summary.json");
        Run.Result r = Run.main("summary", dumps().get(0).toString(), "-o", file.toString());
        assertEquals(0, r.code(), r::toString);
        return file;
    }

    @Test
    void theSummaryHoldsTheDumpsNumbers() throws IOException {
        ScenarioRun run = ReaperDumps.get();
        DumpSummary s = SummaryJson.read(summaryOfFirst());
        ClassStats manager = s.classes().stream().filter(c -> c.name().equals(MANAGER)).findFirst().orElseThrow();
        assertEquals(run.expected(MANAGER).orElseThrow().byRound().getFirst(), manager.instances(), "the scenario made this many");
        assertEquals(run.histogram(1).bytes(MANAGER), manager.shallowBytes(), "GC.class_histogram's bytes before dump 1");
        assertEquals(dumps().get(0).toString(), s.dump().path());
        assertEquals(DumpSummary.SCHEMA_VERSION, s.schemaVersion());
    }

    @Test
    void withoutOutputTheSummaryGoesToStdoutAsIs() throws IOException {
        Path file = summaryOfFirst();
        Run.Result r = Run.main("summary", dumps().get(0).toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals(Files.readString(file), r.out(), "the same bytes on stdout as in the file");
        assertEquals("", r.err());
    }

    @Test
    void aBaselineComparesLikeTheDumpItWasMadeFrom() throws IOException {
        Path summary = summaryOfFirst();
        // The saved summary kept the retention paths of the rows that matter: the baseline run has the same paths.
        List<String> fromDumps = new ArrayList<>(List.of("--all"));
        dumps().forEach(d -> fromDumps.add(d.toString()));
        List<String> fromBaseline = new ArrayList<>(List.of("--all", "--baseline", summary.toString()));
        dumps().subList(1, 3).forEach(d -> fromBaseline.add(d.toString()));

        // CSV holds every row and number and no file names: identical.
        String csv = Run.main(with("--format", "csv", fromDumps)).out();
        assertEquals(csv, Run.main(with("--format", "csv", fromBaseline)).out());
        assertTrue(csv.contains("\nsteady_growth,") && csv.contains("," + MANAGER + ","), csv);

        // JSON: identical but for dump 1's path and the baseline's own entry.
        ObjectMapper mapper = new ObjectMapper();
        JsonNode a = mapper.readTree(Run.main(with("--format", "json", fromDumps)).out());
        JsonNode b = mapper.readTree(Run.main(with("--format", "json", fromBaseline)).out());
        assertEquals(summary.toString(), b.at("/series/dumps/0/path").asText());
        assertEquals(dumps().get(0).toString(), b.at("/baseline/dump").asText());
        assertEquals(summary.toString(), b.at("/baseline/summary").asText());
        assertTrue(a.get("baseline").isNull());
        assertNotEquals(a, b);
        for (JsonNode doc : List.of(a, b)) {
            ((ObjectNode) doc.at("/series/dumps/0")).remove("path");
            ((ObjectNode) doc).remove("baseline");
            ((ObjectNode) doc).remove("savedSummaries");
        }
        assertEquals(a, b);
        // and the numbers are the scenario's, not just equal to each other
        JsonNode manager = null;
        for (JsonNode row : b.get("steadyGrowers")) if (row.get("name").asText().equals(MANAGER)) manager = row;
        assertTrue(manager != null, b::toString);
        List<Long> counts = new ArrayList<>();
        manager.get("samples").forEach(s -> counts.add(s.get("instances").asLong()));
        assertEquals(ReaperDumps.get().expected(MANAGER).orElseThrow().byRound(), counts);
    }

    @Test
    void theTextSaysDumpOneIsASavedSummary() {
        Path summary = summaryOfFirst();
        Run.Result r = Run.main("--baseline", summary.toString(), dumps().get(2).toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("  " + summary + "  "), r::toString);
        assertTrue(r.out().contains("(saved summary of " + dumps().get(0) + ")"), r::toString);
        assertTrue(r.out().contains("Grew between the two dumps"), r::toString);
    }

    @Test
    void whatIsNotASummaryIsBadInputInOneLine() throws IOException {
        String dump = dumps().get(1).toString();
        Path missing = dir.resolve("missing.json");
        expectBadInput(Run.main("--baseline", missing.toString(), dump), missing + ": no such file");

        Path report = dir.resolve("report.json");
        Files.writeString(report, Run.main("histogram", "--format", "json", "--top", "1", dump).out());
        expectBadInput(Run.main("--baseline", report.toString(), dump),
                report + ": not a dump summary: it has no totals, classes, arraysByLength; expected a summary saved by 'hprof-diff summary'");

        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "{\n  \"schemaVersion\" : 1,\n  \"dump\" : [oops\n}");
        Run.Result g = Run.main("--baseline", garbage.toString(), dump);
        assertEquals(4, g.code(), g::toString);
        assertTrue(g.err().startsWith("hprof-diff: " + garbage + ": not a dump summary at line 3"), g::toString);

        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, Files.readString(summaryOfFirst()).replaceFirst("\"schemaVersion\" : " + DumpSummary.SCHEMA_VERSION, "\"schemaVersion\" : 99"));
        Run.Result n = Run.main("--baseline", newer.toString(), dump);
        assertEquals(4, n.code(), n::toString);
        assertTrue(n.err().contains("summary schema version 99 is newer than this tool's (" + DumpSummary.SCHEMA_VERSION + ")"), n::toString);

        expectBadInput(Run.main("--baseline", dir.toString(), dump), dir + ": not a file; expected a summary saved by 'hprof-diff summary'");
    }

    private static void expectBadInput(Run.Result r, String line) {
        assertEquals(4, r.code(), r::toString);
        assertEquals(List.of("hprof-diff: " + line), r.errLines(), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void aBaselineNeedsADumpAndIsNeverOverwritten() {
        Path summary = summaryOfFirst();
        Run.Result none = Run.main("--baseline", summary.toString());
        assertEquals(2, none.code(), none::toString);
        assertTrue(none.err().startsWith("hprof-diff: expected one or more dumps to compare with the baseline " + summary), none::toString);

        Run.Result over = Run.main("--baseline", summary.toString(), "--format", "json", "-o", summary.toString(), dumps().get(1).toString());
        assertEquals(2, over.code(), over::toString);
        assertTrue(over.err().startsWith("hprof-diff: " + summary + ": --output names an input; refusing to overwrite it"), over::toString);
        assertTrue(Files.isRegularFile(summary));

        Run.Result summaryOverDump = Run.main("summary", dumps().get(0).toString(), "-o", dumps().get(0).toString());
        assertEquals(2, summaryOverDump.code(), summaryOverDump::toString);
    }

    @Test
    void anOutputThatCannotBeWrittenExitsThree() {
        Path nowhere = dir.resolve("no-such-folder/day1.summary.json");
        Run.Result r = Run.main("summary", dumps().get(0).toString(), "-o", nowhere.toString());
        assertEquals(3, r.code(), r::toString);
        assertEquals(List.of("hprof-diff: " + nowhere + ": cannot write it (its folder does not exist)"), r.errLines());
    }

    @Test
    void summaryOfAPartialDumpSaysSoAndExitsFive() throws IOException {
        Path cut = ReaperDumps.truncated(2, 1, 2, dir);
        Path file = dir.resolve("cut.summary.json");
        Run.Result r = Run.main("summary", cut.toString(), "-o", file.toString());
        assertEquals(5, r.code(), r::toString);
        assertTrue(r.err().contains("warning: PARTIAL RESULT"), r::toString);
        assertTrue(SummaryJson.read(file).completeness().partial());
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    private static String[] with(String option, String value, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(option, value));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }
}
