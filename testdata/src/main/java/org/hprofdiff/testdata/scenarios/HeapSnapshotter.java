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
 * (the histogram's text and the file I/O) is in neither. Between the two it lists the class loaders
 * with their classes ({@code VM.classloaders show-classes=true fold=false}, no GC of its own: the
 * histogram's has just unloaded every loader that was garbage).
 */
final class HeapSnapshotter {

    private static final String DIAGNOSTIC_COMMAND_MBEAN = "com.sun.management:type=DiagnosticCommand";
    private static final String HISTOGRAM_OPERATION = "gcClassHistogram";
    /** {@code VM.classloaders}: every live loader with its name and, with these options, its classes. */
    private static final String LOADERS_OPERATION = "vmClassloaders";
    private static final String[] LOADERS_OPTIONS = {"show-classes=true", "fold=false"};

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
            snapshotter.command(LOADERS_OPERATION, LOADERS_OPTIONS); // loads what the listing needs before round 1
            return snapshotter;
        } catch (MalformedObjectNameException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Writes the histogram and the class-loader listing, then dumps the heap. Returns the wall-clock
     * time (ms since the epoch) at which the dump started.
     */
    long histogramThenDump(Path histogram, Path loaders, String dumpFile) throws IOException {
        writeHistogram(histogram);
        writeLoaders(loaders);
        long dumpStart = System.currentTimeMillis();
        hotspot.dumpHeap(dumpFile, true);
        return dumpStart;
    }

    /** A method of its own so that the histogram's text is unreachable (not in a live frame) during the dump. */
    private void writeHistogram(Path file) throws IOException {
        Files.writeString(file, command(HISTOGRAM_OPERATION, new String[0]));
    }

    /** Like {@link #writeHistogram}, for the loader listing. */
    private void writeLoaders(Path file) throws IOException {
        Files.writeString(file, command(LOADERS_OPERATION, LOADERS_OPTIONS));
    }

    /** Runs one diagnostic command and returns its text. */
    private String command(String operation, String[] options) throws IOException {
        try {
            return (String) server.invoke(diagnosticCommand, operation, new Object[] {options},
                    new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IOException(operation + " through " + DIAGNOSTIC_COMMAND_MBEAN + " failed", e);
        }
    }
}
