package org.hprofdiff.testdata.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry of scenarios works without the real-world scenarios' libraries (the demo's jar has
 * none of them), and a missing library is named in one line.
 */
class ScenarioRegistryTest {

    @Test
    void idsAreUniqueAcrossBothKinds() {
        Set<String> ids = new HashSet<>();
        for (ScenarioProgram program : ScenarioProgram.all()) {
            assertTrue(ids.add(program.id()), "duplicate id " + program.id());
            assertEquals(program, ScenarioProgram.fromId(program.id()));
        }
        assertEquals(Scenario.values().length + RealWorldScenario.values().length, ids.size());
        assertEquals(RealWorldScenario.PLUGIN_DRIVER_FIXED, RealWorldScenario.fromId("plugin-driver-fixed"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenario.fromId("aws-reaper"));
        assertTrue(e.getMessage().contains("real-world"), e.getMessage());
    }

    @Test
    void everyRealWorldLeakHasItsFixedControl() {
        for (RealWorldScenario scenario : RealWorldScenario.values()) {
            if (!scenario.isFixed()) {
                RealWorldScenario fixed = RealWorldScenario.fromId(scenario.id() + "-fixed");
                assertEquals(scenario.libraries(), fixed.libraries());
                assertEquals(scenario.leakUnit(), fixed.leakUnit());
            }
        }
    }

    /**
     * Loads testdata's classes alone (no AWS SDK, H2 or Jackson) in a loader of their own and asks every
     * program for what the parent asks: id, libraries, designed counts and loaders. Linking a library
     * class anywhere on that path would fail here with NoClassDefFoundError.
     */
    @Test
    void theRegistryLinksNoLibraryClass() throws Exception {
        URL testdata = ScenarioRunner.testdataClasspath().toUri().toURL();
        try (URLClassLoader alone = new URLClassLoader(new URL[] {testdata}, ClassLoader.getPlatformClassLoader())) {
            Class<?> programs = Class.forName(ScenarioProgram.class.getName(), true, alone);
            Method id = programs.getMethod("id");
            Method counts = programs.getMethod("expectedCounts", int.class, int.class);
            Method loaders = programs.getMethod("expectedLoaders", int.class, int.class);
            Method libraries = programs.getMethod("libraries");
            List<?> all = (List<?>) programs.getMethod("all").invoke(null);
            assertEquals(ScenarioProgram.all().size(), all.size());
            for (Object program : all) {
                List<?> designed = (List<?>) counts.invoke(program, 3, 2);
                assertTrue(!designed.isEmpty(), id.invoke(program) + " designs counts");
                loaders.invoke(program, 3, 2);
                libraries.invoke(program);
            }
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("software.amazon.awssdk.http.apache.ApacheHttpClient", false, alone),
                    "the isolated loader really lacks the libraries");
        }
    }

    @Test
    void aMissingLibraryIsNamed(@TempDir Path dir) throws Exception {
        URL testdata = ScenarioRunner.testdataClasspath().toUri().toURL();
        try (URLClassLoader withoutLibraries = new URLClassLoader(new URL[] {testdata}, ClassLoader.getPlatformClassLoader())) {
            ScenarioLaunch launch = ScenarioLaunch.of(RealWorldScenario.AWS_REAPER, Jdks.current(), 1, dir);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ScenarioRunner.command(launch, dir, withoutLibraries));
            assertTrue(e.getMessage().startsWith("this scenario needs software.amazon.awssdk:apache-client"), e.getMessage());
        }
    }

    @Test
    void theChildGetsTheLibrariesFromWhereThisJvmLoadedThem(@TempDir Path dir) {
        ClassLoader here = getClass().getClassLoader();
        List<String> aws = ScenarioRunner.command(ScenarioLaunch.of(RealWorldScenario.AWS_REAPER, Jdks.current(), 1, dir), dir, here);
        String classPath = aws.get(aws.indexOf("-cp") + 1);
        assertTrue(classPath.contains("apache-client-2.20.50.jar") && classPath.contains("httpclient-4.5.13.jar"), classPath);

        List<String> plugin = ScenarioRunner.command(ScenarioLaunch.of(RealWorldScenario.PLUGIN_DRIVER, Jdks.current(), 1, dir), dir, here);
        assertTrue(plugin.stream().anyMatch(a -> a.startsWith("-D" + LibraryJar.PLUGIN_BUNDLE_PROPERTY + "=") && a.contains("h2-")),
                plugin.toString());
        assertTrue(!plugin.get(plugin.indexOf("-cp") + 1).contains("h2-"), "the plugin's driver jar is not on the class path");

        List<String> lookAlike = ScenarioRunner.command(ScenarioLaunch.of(Scenario.CONTROL, Jdks.current(), 1, dir), dir, here);
        assertEquals(ScenarioRunner.testdataClasspath().toString(), lookAlike.get(lookAlike.indexOf("-cp") + 1));
    }
}
