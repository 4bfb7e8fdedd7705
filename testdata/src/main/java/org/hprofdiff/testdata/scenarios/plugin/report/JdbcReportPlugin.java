package org.hprofdiff.testdata.scenarios.plugin.report;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Enumeration;

/**
 * The plugin of {@code plugin-driver}: on start it makes sure its JDBC drivers are registered, as
 * JDBC code does with {@code Class.forName}: the H2 driver it bundles ({@value #H2_DRIVER}, when the
 * host gave its loader the H2 jar) and its own {@link CsvReportDriver}. Rendering looks its driver up
 * through {@link DriverManager}.
 */
public final class JdbcReportPlugin extends ReportPlugin {

    /** The bundled H2 driver's class; its static initialiser registers {@code org.h2.Driver.INSTANCE}. */
    public static final String H2_DRIVER = "org.h2.Driver";

    @Override
    public void start() throws ClassNotFoundException {
        Class.forName(CsvReportDriver.class.getName());
        Class.forName(H2_DRIVER);
    }

    @Override
    public String render(String name) throws Exception {
        Driver driver = DriverManager.getDriver(CsvReportDriver.URL_PREFIX.concat(name));
        return super.render(name).concat(" via ").concat(driver.getClass().getName());
    }

    /**
     * The fix: deregisters the drivers this plugin's loader defined. It has to run in the plugin's own
     * code: {@code DriverManager} lets a caller see and deregister only drivers whose class the caller's
     * loader can load (the host's loader cannot), which is why containers inject such a class into the
     * web application's loader.
     */
    public void deregisterDrivers() throws SQLException {
        ClassLoader own = JdbcReportPlugin.class.getClassLoader();
        for (Enumeration<Driver> drivers = DriverManager.getDrivers(); drivers.hasMoreElements(); ) {
            Driver driver = drivers.nextElement();
            if (driver.getClass().getClassLoader() == own) {
                DriverManager.deregisterDriver(driver);
            }
        }
    }
}
