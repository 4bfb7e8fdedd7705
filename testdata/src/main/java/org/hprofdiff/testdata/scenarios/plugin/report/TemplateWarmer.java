package org.hprofdiff.testdata.scenarios.plugin.report;

/** Background work of {@link BackgroundReportPlugin}: reads every template once and notes the thread it ran on. */
final class TemplateWarmer implements Runnable {

    private volatile Thread ranOn;
    private volatile int checksum;

    @Override
    public void run() {
        int sum = 0;
        for (ReportTemplate template : ReportPlugin.TEMPLATES.values()) {
            sum += template.checksum();
        }
        checksum = sum;
        ranOn = Thread.currentThread();
    }

    Thread ranOn() {
        return ranOn;
    }

    int checksum() {
        return checksum;
    }
}
