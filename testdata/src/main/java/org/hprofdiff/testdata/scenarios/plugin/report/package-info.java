/**
 * The report plugin: code that a plugin host deploys, version after version, each version in its own
 * {@link java.net.URLClassLoader} ({@code report-plugin-v<k>}, parent: the platform loader), so each
 * loader defines its own copies of these classes. Nothing here refers to testdata's other classes
 * (they are not visible from a plugin loader); the host calls in through reflection only, by the
 * public method names of {@link org.hprofdiff.testdata.scenarios.plugin.report.ReportPlugin} and its
 * subclasses. The code avoids lambdas and {@code +} on strings, so the JDK defines no hidden classes
 * in a plugin's loader and each version's loader defines exactly the classes its scenario names.
 */
package org.hprofdiff.testdata.scenarios.plugin.report;
