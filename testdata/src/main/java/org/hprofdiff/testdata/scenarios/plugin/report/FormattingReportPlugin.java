package org.hprofdiff.testdata.scenarios.plugin.report;

/**
 * The plugin of {@code plugin-threadlocal}: renders with a per-thread {@link ReportFormatter} on
 * whichever host thread calls it, and never removes it unless the host calls {@link #releaseThread()}.
 */
public final class FormattingReportPlugin extends ReportPlugin {

    @Override
    public String render(String name) {
        return ReportFormatter.forCurrentThread().format(template(name));
    }

    /** The fix: drops the calling thread's formatter ({@link ThreadLocal#remove()}). */
    public void releaseThread() {
        ReportFormatter.releaseCurrentThread();
    }
}
