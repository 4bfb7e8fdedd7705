package org.hprofdiff.cli.report;

import java.util.List;

/**
 * The demo's result: what ran, where its dumps are, and the diff of them.
 *
 * @param scenario     the leak that ran, e.g. "connection-reaper"
 * @param description  what it leaks, in words
 * @param javaVersion  the child JVM's version
 * @param dumps        the dump files, in order
 * @param kept         true when the dumps stay (--keep), false when they are deleted after the run
 * @param seconds      wall time of the child JVM and the analysis
 * @param diff         the comparison of the dumps
 */
public record DemoReport(String scenario, String description, String javaVersion, List<String> dumps, boolean kept,
                         double seconds, DiffReport diff) implements Report {

    @Override
    public String kind() { return "demo"; }

    @Override
    public List<String> warnings() { return diff.warnings(); }
}
