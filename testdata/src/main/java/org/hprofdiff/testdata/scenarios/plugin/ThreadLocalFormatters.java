package org.hprofdiff.testdata.scenarios.plugin;

import java.util.List;
import java.util.function.IntToLongFunction;

import org.hprofdiff.testdata.scenarios.ExpectedCount;
import org.hprofdiff.testdata.scenarios.plugin.report.ReportFormatter;
import org.hprofdiff.testdata.scenarios.plugin.report.ReportPlugin;

/**
 * {@code plugin-threadlocal}: the host's long-lived worker threads ({@link PluginWorkers}) render with
 * every version; the plugin caches a {@code ReportFormatter} per thread in its static
 * {@code ThreadLocal} and never removes it. Each worker's {@code threadLocals} map then holds an entry
 * whose value is the formatter, so its class, so the version's loader; the entry's weak key (the
 * plugin's ThreadLocal) is held by that class's static field, so it is never cleared and never
 * expunged. Fix: the plugin's {@code releaseThread()} ({@code ThreadLocal.remove()}) on each worker.
 */
final class ThreadLocalFormatters implements Pinning {

    static final String FORMATTER = Pinning.pluginClass("ReportFormatter");
    /**
     * The formatter's buffer: one byte per char with compact strings. A compile-time constant, copied
     * here by javac: reading it loads no plugin class.
     */
    static final int FORMATTER_BUFFER_BYTES = ReportFormatter.BUFFER_CHARS;

    private PluginWorkers workers;

    @Override
    public String entryClass() {
        return Pinning.pluginClass("FormattingReportPlugin");
    }

    @Override
    public List<String> otherDefinedClasses() {
        return List.of(FORMATTER);
    }

    @Override
    public List<String> otherClassesWithInstances() {
        return List.of(FORMATTER);
    }

    @Override
    public void hostStarted() {
        workers = PluginWorkers.start();
    }

    @Override
    public void use(PluginVersion version) throws InterruptedException {
        workers.runOnEach(() -> version.call("render", ReportPlugin.FIRST_TEMPLATE));
    }

    @Override
    public void fix(PluginVersion version) throws InterruptedException {
        workers.runOnEach(() -> version.call("releaseThread"));
    }

    @Override
    public List<ExpectedCount> expectedCounts(int rounds, boolean leak, IntToLongFunction keptVersions) {
        IntToLongFunction formatters = r -> PluginWorkers.THREADS * keptVersions.applyAsLong(r);
        return List.of(
                ExpectedCount.exact(FORMATTER, leak, rounds, formatters),
                ExpectedCount.added("java.lang.ThreadLocal$ThreadLocalMap$Entry", ExpectedCount.ANY_LENGTH, leak, rounds,
                        formatters),
                ExpectedCount.added("java.lang.StringBuilder", ExpectedCount.ANY_LENGTH, leak, rounds, formatters),
                ExpectedCount.added("[B", FORMATTER_BUFFER_BYTES, leak, rounds, formatters));
    }
}
