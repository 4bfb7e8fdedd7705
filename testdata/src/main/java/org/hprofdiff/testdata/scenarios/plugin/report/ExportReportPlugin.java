package org.hprofdiff.testdata.scenarios.plugin.report;

/** The plugin of {@code class-cache}: hands the host a {@link ReportSummary} bean of its own class to export. */
public final class ExportReportPlugin extends ReportPlugin {

    /** What the host serialises; a new bean each time, garbage once written. */
    public Object summary() {
        long bytes = 0;
        for (ReportTemplate template : TEMPLATES.values()) {
            bytes += template.length();
        }
        return new ReportSummary(TEMPLATES.size(), bytes);
    }
}
