package org.hprofdiff.core.read;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times a histogram-like pass over a dump (instances and arrays counted by class, as {@code histogram}
 * does before naming and sizing): {@code ReadBench FILE [threads] [repeats]}. One line per run, key=value:
 * seconds of the pass, MB/s, objects, objects/s, and the peak Java heap (sum of the heap pools' peaks).
 * Used by bench/histogram.sh until the CLI's histogram lands. {@code -Dbench.megamorphic=true} first runs
 * two other visitor classes so that the parser's visitor calls are not monomorphic.
 */
public final class ReadBench {
    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        if (Boolean.getBoolean("bench.megamorphic")) {
            HprofReader.read(path, new ObjectCounter());
            HprofReader.read(path, new HprofVisitor() {
                long n;
                @Override public void instance(long id, long classId, HprofInput in, long fieldsPos, int fieldsLength) { n += fieldsLength; }
                @Override public void primitiveArray(long id, org.hprofdiff.core.format.BasicType t, int length, long dataPos) { n += length; }
                @Override public void objectArray(long id, long arrayClassId, int length, HprofInput in, long elementsPos) { n += length; }
            });
        }
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            HistogramVisitor total = new HistogramVisitor();
            ReadResult result;
            long size;
            try (HprofFile file = HprofFile.open(path)) {
                size = file.fileSize();
                HprofReader reader = new HprofReader(file);
                if (threads == 1) {
                    result = reader.read(total);
                } else {
                    ParallelRead<HistogramVisitor> read = reader.readParallel(threads, new HprofVisitor() {}, HistogramVisitor::new);
                    read.visitors().forEach(total::addAll);
                    result = read.result();
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "threads=%d seconds=%.3f MB/s=%.0f objects=%d objects/s=%.0f classes=%d partial=%s peakHeapMB=%.1f%n",
                    threads, s, size / 1e6 / s, total.objects(), total.objects() / s, total.byClass.distinctKeys(), result.isPartial(), peakHeapMb());
        }
    }

    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak / 1e6;
    }
}
