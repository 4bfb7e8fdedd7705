package org.hprofdiff.index.build;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.read.HprofReader;
import org.hprofdiff.core.read.ReadProgress;
import org.hprofdiff.core.size.SizeModelOverrides;
import org.hprofdiff.core.summary.Summarizer;
import org.hprofdiff.index.BuildProgress;
import org.hprofdiff.index.store.Prefetcher;

/**
 * Times the index's first pass (and, for comparison, core's histogram alone) inside one JVM, warm, on a given
 * dump: {@code FirstPassBench DUMP THREADS [RUNS]}. Prints wall and process CPU seconds per run. Not a test.
 */
public final class FirstPassBench {
    public static void main(String[] args) throws Exception {
        Path dump = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (HprofFile f = HprofFile.open(dump)) {
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
                Summarizer.summarize(f, HprofReader.Options.DEFAULT, SizeModelOverrides.NONE, threads, ReadProgress.NONE);
                long t1 = System.nanoTime(), c1 = os.getProcessCpuTime();
                Path work = Files.createTempDirectory(dump.getParent(), "fpb");
                FirstPass p1 = new FirstPass(work, new byte[16], SizeModelOverrides.NONE);
                try (Prefetcher prefetch = Prefetcher.start(f.path(), f.fileSize(), 0)) {
                    FirstPassRead.run(f, 1, SizeModelOverrides.NONE, p1, threads, RecordCapture.DEFAULT_CAPACITY, prefetch, false, BuildProgress.SILENT);
                    p1.finish();
                } finally {
                    p1.closeQuietly();
                    try (var files = Files.list(work)) {
                        for (Path p : files.toList()) Files.delete(p);
                    }
                    Files.delete(work);
                }
                long t2 = System.nanoTime(), c2 = os.getProcessCpuTime();
                System.out.printf(Locale.ROOT, "threads %d run %d: histogram %.2f s wall %.2f s cpu; first pass %.2f s wall %.2f s cpu%n", threads, r,
                        (t1 - t0) / 1e9, (c1 - c0) / 1e9, (t2 - t1) / 1e9, (c2 - c1) / 1e9);
            }
        }
    }
}
