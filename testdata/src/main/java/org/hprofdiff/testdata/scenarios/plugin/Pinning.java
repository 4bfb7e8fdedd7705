package org.hprofdiff.testdata.scenarios.plugin;

import java.util.List;
import java.util.function.IntToLongFunction;

import org.hprofdiff.testdata.scenarios.ExpectedCount;

/**
 * What keeps an undeployed plugin version's loader from being unloaded in one scenario, and the fix
 * that the leaking host leaves out. One implementation per pinning mechanism; {@link PluginRedeploys}
 * is the host that deploys and undeploys versions around them.
 */
sealed interface Pinning permits DriverRegistration, ThreadLocalFormatters, InheritedContextLoader, SerializerCache {

    /** The plugin class the host instantiates (a subclass of the plugin's {@code ReportPlugin}). */
    String entryClass();

    /** Classes each version's loader defines besides {@code ReportPlugin}, {@code ReportTemplate} and the entry class. */
    List<String> otherDefinedClasses();

    /** Those of {@link #otherDefinedClasses()} that have live instances in every loader that is kept. */
    List<String> otherClassesWithInstances();

    /** Once, before the first version is deployed. */
    default void hostStarted() {
    }

    /** What the host does with a version once it is deployed. */
    void use(PluginVersion version) throws Exception;

    /** The fix, run on undeploy before the loader is closed; the leaking host skips it. */
    void fix(PluginVersion version) throws Exception;

    /**
     * Designed counts of this mechanism's own objects; {@code keptVersions} maps round r to the loaders
     * kept after it, {@code leak} says whether that number grows.
     */
    List<ExpectedCount> expectedCounts(int rounds, boolean leak, IntToLongFunction keptVersions);

    /** The plugin class {@code simpleName} (nested classes with {@code $}). */
    static String pluginClass(String simpleName) {
        return PluginJar.PACKAGE + "." + simpleName;
    }
}
