package org.hprofdiff.testdata.scenarios.plugin;

import java.util.List;
import java.util.function.IntToLongFunction;

import org.hprofdiff.testdata.scenarios.ExpectedCount;

/**
 * {@code plugin-context-loader}: each version starts a JDK single-thread executor (the JDK's default
 * thread factory: threads {@code pool-<n>-thread-1}) while the host has set the version's loader as the
 * context class loader, and never shuts it down. The idle thread keeps that loader as its
 * {@code contextClassLoader}, the only reference to the plugin it has (on JDK 17 also its
 * {@code inheritedAccessControlContext}: see the package documentation). Fix: the plugin's
 * {@code stop()} shuts the executor down.
 */
final class InheritedContextLoader implements Pinning {

    static final String WARMER = Pinning.pluginClass("TemplateWarmer");

    @Override
    public String entryClass() {
        return Pinning.pluginClass("BackgroundReportPlugin");
    }

    @Override
    public List<String> otherDefinedClasses() {
        return List.of(WARMER);
    }

    @Override
    public List<String> otherClassesWithInstances() {
        return List.of();
    }

    @Override
    public void use(PluginVersion version) {
        // start() did the work: the executor and its thread exist from then on
    }

    @Override
    public void fix(PluginVersion version) {
        version.call("stop");
    }

    @Override
    public List<ExpectedCount> expectedCounts(int rounds, boolean leak, IntToLongFunction keptVersions) {
        return List.of(
                ExpectedCount.added("java.lang.Thread", ExpectedCount.ANY_LENGTH, leak, rounds, keptVersions),
                ExpectedCount.added("java.util.concurrent.ThreadPoolExecutor", ExpectedCount.ANY_LENGTH, leak, rounds,
                        keptVersions),
                ExpectedCount.added("java.util.concurrent.ThreadPoolExecutor$Worker", ExpectedCount.ANY_LENGTH, leak,
                        rounds, keptVersions));
    }
}
