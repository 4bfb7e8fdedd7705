package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.testdata.scenarios.ScenarioRun;
import org.junit.jupiter.api.Test;

/** The default command on three dumps of the connection-reaper leak, checked against the scenario's design. */
class DiffCommandTest {
    private static final String MANAGER = "org.hprofdiff.testdata.scenarios.incident.http.PoolingHttpClientConnectionManager";

    private static String[] args(String... options) {
        List<String> all = new ArrayList<>(List.of(options));
        ReaperDumps.get().dumps().forEach(p -> all.add(p.toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void answerFirstThenTheGrowersWithTheirSeries() {
        ScenarioRun run = ReaperDumps.get();
        Run.Result r = Run.main(args());
        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.getFirst().startsWith("Leak suspected: "), r::toString);
        List<Long> designed = run.expected(MANAGER).orElseThrow().byRound();
        String series = designed.get(0) + " → " + designed.get(1) + " → " + designed.get(2);
        assertTrue(lines.stream().anyMatch(l -> l.contains(series) && l.endsWith(MANAGER)), () -> series + "\n" + r);
        int steady = lines.indexOf("Steady growers (grew in every interval)");
        int labelled = lines.indexOf("Growth that is not a leak (labelled, not ranked)");
        assertTrue(steady > 0 && labelled > steady, r::toString);
        assertEquals("", r.err(), "nothing on stderr without a terminal");
    }

    @Test
    void jsonCarriesEveryDumpsNumbers() throws Exception {
        ScenarioRun run = ReaperDumps.get();
        Run.Result r = Run.main(args("--format", "json", "--all"));
        assertEquals(0, r.code(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("diff", root.get("report").asText());
        assertTrue(root.at("/verdict/leakSuspected").asBoolean());
        JsonNode manager = null;
        for (JsonNode row : root.get("steadyGrowers")) if (row.get("name").asText().equals(MANAGER)) manager = row;
        assertTrue(manager != null, "the leaking manager is a steady grower");
        List<Long> counts = new ArrayList<>();
        for (JsonNode s : manager.get("samples")) counts.add(s.get("instances").asLong());
        assertEquals(run.expected(MANAGER).orElseThrow().byRound(), counts);
        for (int round = 1; round <= 3; round++) {
            assertEquals(run.histogram(round).bytes(MANAGER), manager.get("samples").get(round - 1).get("shallowBytes").asLong());
        }
        assertEquals(3, root.at("/series/dumps").size());
    }

    @Test
    void csvHasOneColumnPerDump() {
        Run.Result r = Run.main(args("--format", "csv"));
        List<String> lines = r.out().lines().toList();
        assertEquals("section,leak_rank,trend,class,loader,kind,array_length,instances_1,instances_2,instances_3,"
                + "shallow_bytes_1,shallow_bytes_2,shallow_bytes_3,instances_change,shallow_bytes_change,instances_per_hour,shallow_bytes_per_hour",
                lines.getFirst());
        List<Long> designed = ReaperDumps.get().expected(MANAGER).orElseThrow().byRound();
        String cells = "," + designed.get(0) + "," + designed.get(1) + "," + designed.get(2) + ",";
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("steady_growth,") && l.contains("," + MANAGER + ",") && l.contains(cells)), r::toString);
    }

    @Test
    void breachedThresholdExitsOneWithALinePerBreach() {
        Run.Result r = Run.main(args("--fail-on", "class:PoolingHttpClientConnectionManager$"));
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("FAIL: 1 threshold breach (exit code 1):"), r::toString);

        Run.Result json = Run.main(args("--format", "json", "--fail-on", "count:+1000000,class:PoolingHttpClientConnectionManager$"));
        assertEquals(1, json.code(), json::toString);
        assertEquals(1, json.errLines().size(), json::toString);
        assertTrue(json.err().startsWith("hprof-diff: breach: class:PoolingHttpClientConnectionManager$: "), json::toString);
    }

    @Test
    void cleanRunSaysSo() {
        Run.Result r = Run.main(args("--fail-on", "count:+1000000"));
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("OK: no --fail-on threshold breached (count:+1000000)"), r::toString);
        Run.Result csv = Run.main(args("--format", "csv", "--fail-on", "count:+1000000"));
        assertEquals(List.of("hprof-diff: no --fail-on threshold breached (1 given)"), csv.errLines());
    }

    @Test
    void diffIsTheSameAsTheDefaultCommand() {
        assertEquals(Run.main(args("--format", "csv")).out(), Run.main(args("diff", "--format", "csv")).out());
    }

    @Test
    void twoDumpsAreEnough() {
        List<java.nio.file.Path> d = ReaperDumps.get().dumps();
        Run.Result r = Run.main(d.get(0).toString(), d.get(2).toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Grew between the two dumps"), r::toString);
        assertFalse(r.out().contains("Steady growers"), r::toString);
    }
}
