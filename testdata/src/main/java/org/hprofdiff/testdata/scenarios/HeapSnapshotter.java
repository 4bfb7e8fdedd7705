package org.hprofdiff.testdata.scenarios;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Child side: writes the JVM's class histogram and, right after it, a heap dump of the JVM it runs in.
 *
 * <p>The histogram comes from the {@code gcClassHistogram} operation of the
 * {@code com.sun.management:type=DiagnosticCommand} MBean, which runs the same diagnostic command
 * as {@code jcmd <pid> GC.class_histogram}: a full GC, then a count of the live objects per class.
 * The dump is {@link HotSpotDiagnosticMXBean#dumpHeap(String, boolean) dumpHeap(path, live=true)},
 * which also starts with a full GC, so both see only live objects and the garbage made in between
 * (the histogram's text and the file I/O) is in neither.
 */
final class HeapSnapshotter {

    private static final String DIAGNOSTIC_COMMAND_MBEAN = "com.sun.management:type=DiagnosticCommand";
    private static final String HISTOGRAM_OPERATION = "gcClassHistogram";

    private final MBeanServer server;
    private final ObjectName diagnosticCommand;
    private final HotSpotDiagnosticMXBean hotspot;

    private HeapSnapshotter(MBeanServer server, ObjectName diagnosticCommand, HotSpotDiagnosticMXBean hotspot) {
        this.server = server;
        this.diagnosticCommand = diagnosticCommand;
        this.hotspot = hotspot;
    }

    /**
     * Connects to the platform MBeans and writes a first histogram to {@code baselineHistogram}
     * (before the workload runs). That first call also loads and initialises the JMX and file
     * classes used on the histogram-to-dump path, so they are part of every round's baseline
     * instead of appearing between a round's histogram and its dump.
     */
    static HeapSnapshotter start(Path baselineHistogram) throws IOException {
        try {
            HeapSnapshotter snapshotter = new HeapSnapshotter(ManagementFactory.getPlatformMBeanServer(),
                    new ObjectName(DIAGNOSTIC_COMMAND_MBEAN),
                    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
            snapshotter.writeHistogram(baselineHistogram);
            return snapshotter;
        } catch (MalformedObjectNameException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Writes the histogram, then dumps the heap. Returns the wall-clock time (ms since the epoch)
     * at which the dump started.
     */
    long histogramThenDump(Path histogram, String dumpFile) throws IOException {
        writeHistogram(histogram);
        long dumpStart = System.currentTimeMillis();
        hotspot.dumpHeap(dumpFile, true);
        return dumpStart;
    }

    /** A method of its own so that the histogram's text is unreachable (not in a live frame) during the dump. */
    private void writeHistogram(Path file) throws IOException {
        String text;
        try {
            text = (String) server.invoke(diagnosticCommand, HISTOGRAM_OPERATION,
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IOException("GC.class_histogram through " + DIAGNOSTIC_COMMAND_MBEAN + " failed", e);
        }
        Files.writeString(file, text);
    }
}
