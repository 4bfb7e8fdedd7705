package org.hprofdiff.testdata.scenarios.plugin.report;

/** A bean the host exports as JSON: what the plugin holds. Public getters, as serializers want them. */
public final class ReportSummary {

    private final int templates;
    private final long templateBytes;

    ReportSummary(int templates, long templateBytes) {
        this.templates = templates;
        this.templateBytes = templateBytes;
    }

    public int getTemplates() {
        return templates;
    }

    public long getTemplateBytes() {
        return templateBytes;
    }
}
