package org.hprofdiff.testdata.scenarios.plugin.report;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The plugin's own JDBC driver for {@code jdbc:csvreport:} URLs. Like every JDBC driver it registers
 * itself with {@link DriverManager} when its class initialises; {@code DriverManager} (a platform
 * class) then holds this instance, so its class, so the plugin's loader, until someone calls
 * {@link DriverManager#deregisterDriver}.
 */
public final class CsvReportDriver implements Driver {

    /** The URLs this driver accepts start with this. */
    public static final String URL_PREFIX = "jdbc:csvreport:";

    static {
        try {
            DriverManager.registerDriver(new CsvReportDriver());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(URL_PREFIX);
    }

    /** Reports are rendered, never queried: the driver exists to be found, as the plugin's own protocol. */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        throw new SQLFeatureNotSupportedException("csvreport URLs name reports; they cannot be connected to");
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging");
    }
}
