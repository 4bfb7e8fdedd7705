package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hprofdiff.testdata.scenarios.Jdks;
import org.hprofdiff.testdata.scenarios.RealWorldScenario;
import org.hprofdiff.testdata.scenarios.Scenario;
import org.hprofdiff.testdata.scenarios.ScenarioLaunch;
import org.hprofdiff.testdata.scenarios.ScenarioProgram;
import org.hprofdiff.testdata.scenarios.ScenarioRun;
import org.hprofdiff.testdata.scenarios.ScenarioRunner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12: a saved summary stands for its dump anywhere in a series. For leak series of several shapes (a static
 * registry, thread-locals on pool threads, a plugin loader pinned by DriverManager, the real AWS SDK's reaper),
 * replacing every dump but the newest by its saved summary leaves the answer — every line above the list of dumps —
 * byte for byte the same, in text and in JSON; and each summary stays small.
 */
class SavedSummarySeriesTest {
    /** Issue 12's bound for a summary of an ~80 MB dump; these dumps are 10–20 MB. */
    private static final long MAX_SUMMARY_BYTES = 2L << 20;

    @TempDir
    Path dir;

    static List<Arguments> shapes() {
        return List.of(Arguments.of(Scenario.CONNECTION_REAPER, 3, 20), Arguments.of(Scenario.THREADLOCAL, 4, 200),
                Arguments.of(RealWorldScenario.PLUGIN_DRIVER, 3, 4), Arguments.of(RealWorldScenario.AWS_REAPER, 3, 15));
    }

    private String index() {
        return dir.resolve("indexes").toString();
    }

    /** The lines above the list of dumps ("N dumps over ..."): the answer. */
    private static List<String> answer(Run.Result r) {
        assertEquals(0, r.code(), r::toString);
        return r.answerLines();
    }

    private Run.Result diff(List<Path> inputs, String... options) {
        List<String> args = new ArrayList<>(List.of("--index-dir", index()));
        args.addAll(List.of(options));
        inputs.forEach(p -> args.add(p.toString()));
        return Run.main(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void summariesStandForTheirDumps(ScenarioProgram scenario, int rounds, int perRound) throws Exception {
        ScenarioRun run = ScenarioRunner.run(ScenarioLaunch.of(scenario, Jdks.current(), rounds, dir.resolve("run")).withLeakPerRound(perRound)
                .withIntervalMillis(100));
        List<Path> dumps = run.dumps();
        List<String> fromDumps = answer(diff(dumps));
        assertTrue(fromDumps.getFirst().startsWith("Leak suspected: "), String.join("\n", fromDumps));
        assertTrue(fromDumps.size() > 2, "an answer line: " + fromDumps);

        Path saved = dir.resolve("summaries");
        List<String> args = new ArrayList<>(List.of("summary", "--index-dir", index(), "-o", saved.toString()));
        dumps.subList(0, dumps.size() - 1).forEach(p -> args.add(p.toString()));
        Run.Result written = Run.main(args.toArray(String[]::new));
        assertEquals(0, written.code(), written::toString);
        List<Path> series = new ArrayList<>();
        for (Path dump : dumps.subList(0, dumps.size() - 1)) {
            Path summary = saved.resolve(dump.getFileName().toString().replace(".hprof", ".summary.json"));
            assertTrue(Files.size(summary) < MAX_SUMMARY_BYTES, summary + ": " + Files.size(summary) + " bytes");
            series.add(summary);
        }
        series.add(dumps.getLast());
        assertEquals(fromDumps, answer(diff(series)), "every dump but the newest replaced by its summary");

        // the same in JSON: the verdict and the answer lines
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(diff(dumps, "--format", "json").out());
        JsonNode b = json.readTree(diff(series, "--format", "json").out());
        assertEquals(a.get("verdict"), b.get("verdict"));
        assertEquals(a.get("answers"), b.get("answers"));
        assertEquals(dumps.size() - 1, b.get("savedSummaries").size());
        assertEquals(series.getFirst().toString(), b.get("baseline").get("summary").asText());
    }
}
