package org.hprofdiff.testdata.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioManifestTest {

    @Test
    void roundTripsARun(@TempDir Path dir) throws IOException {
        List<RoundDump> rounds = List.of(
                new RoundDump(1, dir.resolve("listeners-1.hprof"), dir.resolve("listeners-1.histo.txt"),
                        dir.resolve("listeners-1.loaders.txt"), Instant.parse("2026-01-01T10:00:00.123Z")),
                new RoundDump(2, dir.resolve("listeners-2.hprof"), dir.resolve("listeners-2.histo.txt"),
                        dir.resolve("listeners-2.loaders.txt"), Instant.parse("2026-01-01T10:00:01.456Z")));
        ScenarioRun written = new ScenarioRun(Scenario.LISTENERS, 7, "25.0.3",
                List.of("-Xmx256m", "-Dpath=C:\\dumps\\x y", " leading blank", "-Dnl=a\nb"), rounds,
                Scenario.LISTENERS.expectedCounts(7, 2), List.of(), dir.resolve("listeners-0.histo.txt"),
                ScenarioManifest.path(dir, Scenario.LISTENERS));
        ScenarioManifest.write(written);

        ScenarioRun read = ScenarioManifest.read(written.manifest());
        assertEquals(written, read);
        assertEquals(25, read.javaFeatureVersion());
        assertEquals(List.of(7L, 14L), read.expected("org.hprofdiff.testdata.scenarios.listeners.DashboardWidget")
                .orElseThrow().byRound());
        assertTrue(Files.readString(written.manifest()).contains("round.1.hprof=listeners-1.hprof\n"),
                "file names are relative to the manifest's folder");
    }

    @Test
    void roundTripsARealWorldRunWithItsLoaders(@TempDir Path dir) throws IOException {
        RealWorldScenario scenario = RealWorldScenario.PLUGIN_DRIVER;
        List<RoundDump> rounds = List.of(new RoundDump(1, dir.resolve("plugin-driver-1.hprof"),
                dir.resolve("plugin-driver-1.histo.txt"), dir.resolve("plugin-driver-1.loaders.txt"),
                Instant.parse("2026-01-01T10:00:00Z")));
        ScenarioRun written = new ScenarioRun(scenario, 3, "17.0.15", List.of("-Xmx256m"), rounds,
                scenario.expectedCounts(3, 1), scenario.expectedLoaders(3, 1), dir.resolve("plugin-driver-0.histo.txt"),
                ScenarioManifest.path(dir, scenario));
        ScenarioManifest.write(written);

        ScenarioRun read = ScenarioManifest.read(written.manifest());
        assertEquals(written, read);
        assertEquals(scenario, read.scenario());
        ExpectedLoaders loaders = read.expectedLoaders().get(0);
        assertEquals(List.of(3L), loaders.byRound());
        assertTrue(loaders.matchesName("report-plugin-v12"), loaders.namePattern());
        assertTrue(loaders.definedClasses().contains("org.h2.Driver"), loaders.definedClasses().toString());
    }

    @Test
    void reportsAMissingKey(@TempDir Path dir) throws IOException {
        Path manifest = Files.writeString(dir.resolve("m.properties"), "format=2\nscenario=control\n");
        IOException e = assertThrows(IOException.class, () -> ScenarioManifest.read(manifest));
        assertTrue(e.getMessage().contains("missing key"), e.getMessage());
    }
}
