package org.hprofdiff.testdata.scenarios.plugin;

import java.sql.DriverManager;
import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.stream.Stream;

import org.hprofdiff.testdata.scenarios.ExpectedCount;
import org.hprofdiff.testdata.scenarios.plugin.report.ReportPlugin;

/**
 * {@code plugin-driver}: each version registers two JDBC drivers with {@link DriverManager} when it
 * starts, the H2 driver it bundles ({@code org.h2.Driver.INSTANCE}) and its own
 * {@code CsvReportDriver}. {@code DriverManager.registeredDrivers} (a static CopyOnWriteArrayList of
 * {@code DriverInfo}) holds each driver, so its class, so the version's loader. Fix: the plugin
 * deregisters the drivers its loader defined.
 */
final class DriverRegistration implements Pinning {

    /** Drivers each version registers. */
    static final int DRIVERS_PER_VERSION = 2;
    static final String CSV_DRIVER = Pinning.pluginClass("CsvReportDriver");
    static final String H2_DRIVER = "org.h2.Driver";
    /**
     * The H2 classes that initialising {@code org.h2.Driver} defines in the plugin's loader (H2 2.2.224,
     * the same on JDK 17 and 25): the driver and the interface it implements.
     */
    static final List<String> H2_CLASSES = List.of(H2_DRIVER, "org.h2.JdbcDriverBackwardsCompat");

    @Override
    public String entryClass() {
        return Pinning.pluginClass("JdbcReportPlugin");
    }

    @Override
    public List<String> otherDefinedClasses() {
        return Stream.concat(Stream.of(CSV_DRIVER), H2_CLASSES.stream()).toList();
    }

    @Override
    public List<String> otherClassesWithInstances() {
        return List.of(CSV_DRIVER, H2_DRIVER);
    }

    /**
     * Loads the drivers the application's own class path offers (none) now, from the host's thread: the
     * first use of {@code DriverManager} runs a {@code ServiceLoader} on the context class loader, and
     * inside a plugin call that would be the plugin's loader.
     */
    @Override
    public void hostStarted() {
        DriverManager.drivers().count();
    }

    @Override
    public void use(PluginVersion version) {
        version.call("render", ReportPlugin.FIRST_TEMPLATE); // a compile-time constant: no plugin class is loaded
    }

    @Override
    public void fix(PluginVersion version) {
        version.call("deregisterDrivers");
    }

    @Override
    public List<ExpectedCount> expectedCounts(int rounds, boolean leak, IntToLongFunction keptVersions) {
        return List.of(
                ExpectedCount.exact("java.sql.DriverInfo", leak, rounds, r -> DRIVERS_PER_VERSION * keptVersions.applyAsLong(r)),
                ExpectedCount.exact(CSV_DRIVER, leak, rounds, keptVersions),
                ExpectedCount.exact(H2_DRIVER, leak, rounds, keptVersions));
    }
}
