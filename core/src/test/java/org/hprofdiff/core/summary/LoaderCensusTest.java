package org.hprofdiff.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.testdata.scenarios.ExpectedLoaders;
import org.hprofdiff.testdata.scenarios.Jdks;
import org.hprofdiff.testdata.scenarios.RealWorldScenario;
import org.hprofdiff.testdata.scenarios.ScenarioLaunch;
import org.hprofdiff.testdata.scenarios.ScenarioRun;
import org.hprofdiff.testdata.scenarios.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A summary's class-loader census against the JVM's own: a plugin host that keeps every version's
 * {@code URLClassLoader} (testdata's plugin-threadlocal, real JDK code, no library), with the loaders and the classes
 * each defines taken from {@code VM.classloaders} just before each dump ({@link ExpectedLoaders}).
 */
class LoaderCensusTest {
    @TempDir
    Path dir;

    @Test
    void loadersAndTheClassesTheyDefineMatchTheJvmsListing() throws Exception {
        ScenarioRun run = ScenarioRunner.run(ScenarioLaunch.of(RealWorldScenario.PLUGIN_THREADLOCAL, Jdks.current(), 2, dir).withLeakPerRound(3));
        ExpectedLoaders plugins = run.expectedLoaders().stream().filter(ExpectedLoaders::leak).findFirst().orElseThrow();
        for (int round = 1; round <= 2; round++) {
            DumpSummary s;
            try (HprofFile file = HprofFile.open(run.dumps().get(round - 1))) {
                s = Summarizer.summarize(file);
            }
            assertNotNull(s.classLoaders());
            LoaderStats url = s.classLoaders().byLoaderClass().stream().filter(l -> l.loaderClass().equals(plugins.loaderClass()))
                    .findFirst().orElseThrow();
            assertEquals(plugins.at(round), url.loaders(), "round " + round + ": loaders");
            assertEquals(plugins.at(round) * plugins.definedClasses().size(), url.classes(), "round " + round + ": classes they define");
            for (String name : plugins.definedClasses()) {
                DuplicateClass d = s.classLoaders().duplicateClasses().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
                assertEquals(plugins.at(round), d.loaders(), "round " + round + ": loaders that define " + name);
            }
        }
    }
}
