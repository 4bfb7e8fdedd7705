package org.hprofdiff.testdata.scenarios.plugin.report;

/**
 * A formatter that is not thread-safe, so the plugin keeps one per thread in a static
 * {@link ThreadLocal}, as code does with {@code SimpleDateFormat} and friends. A thread that ran the
 * plugin keeps its formatter, so this class, so the plugin's loader, until {@link #releaseCurrentThread()}.
 */
public final class ReportFormatter {

    /** Characters the formatter's buffer holds before it grows: a {@code byte[4096]} with compact strings. */
    public static final int BUFFER_CHARS = 4096;

    private static final ThreadLocal<ReportFormatter> CURRENT = new ThreadLocal<>();

    private final StringBuilder buffer = new StringBuilder(BUFFER_CHARS);

    private ReportFormatter() {
    }

    /** This thread's formatter, made on the thread's first use. */
    static ReportFormatter forCurrentThread() {
        ReportFormatter formatter = CURRENT.get();
        if (formatter == null) {
            formatter = new ReportFormatter();
            CURRENT.set(formatter);
        }
        return formatter;
    }

    /** Forgets this thread's formatter. */
    static void releaseCurrentThread() {
        CURRENT.remove();
    }

    String format(ReportTemplate template) {
        buffer.setLength(0);
        buffer.append(template.name()).append(": ").append(template.length()).append(" bytes, checksum ")
                .append(template.checksum());
        return buffer.toString();
    }
}
