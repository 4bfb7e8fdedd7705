package org.hprofdiff.index.bench;

import java.nio.file.Path;
import java.util.Random;
import org.hprofdiff.index.DumpIndex;
import org.hprofdiff.index.IndexCache;
import org.hprofdiff.index.IndexOptions;

/**
 * Microbenchmark of id → ordinal look-ups on a built index (not a test; run by bench/index.sh):
 * {@code IdLookupBench DUMP [samples]}. Measures look-ups of ids in dump order (what the second pass
 * does, mostly local), in random order (worst case: a cache miss per level), and of absent ids, on
 * one thread and on all cores.
 */
public final class IdLookupBench {
    private IdLookupBench() {}

    public static void main(String[] args) throws Exception {
        Path dump = Path.of(args[0]);
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        try (DumpIndex index = IndexCache.openExisting(dump, IndexOptions.defaults()).orElseThrow(() -> new IllegalStateException("no index for " + dump))) {
            long n = index.objectCount();
            int k = (int) Math.min(samples, n);
            long[] inOrder = new long[k];
            long step = Math.max(1, n / k);
            for (int i = 0; i < k; i++) inOrder[i] = index.idOf(Math.min(n - 1, i * step));
            long[] shuffled = inOrder.clone();
            Random r = new Random(1);
            for (int i = k - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                long t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            long[] absent = new long[k];
            for (int i = 0; i < k; i++) absent[i] = shuffled[i] + 8;
            System.out.printf("objects %,d, look-ups per run %,d%n", n, k);
            for (int round = 0; round < 3; round++) {
                report("dump order, 1 thread", index, inOrder, 1);
                report("random order, 1 thread", index, shuffled, 1);
                report("absent ids, 1 thread", index, absent, 1);
                int cores = Runtime.getRuntime().availableProcessors();
                report("random order, " + cores + " threads", index, shuffled, cores);
            }
        }
    }

    private static void report(String what, DumpIndex index, long[] ids, int threads) throws InterruptedException {
        long[] sums = new long[threads];
        Thread[] workers = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int part = t;
            workers[t] = new Thread(() -> {
                long s = 0;
                for (int i = part; i < ids.length; i += threads) s += index.ordinalOf(ids[i]);
                sums[part] = s;
            });
            workers[t].start();
        }
        for (Thread w : workers) w.join();
        double secs = (System.nanoTime() - start) / 1e9;
        long check = 0;
        for (long s : sums) check += s;
        System.out.printf("%-28s %8.1f M look-ups/s  (checksum %d)%n", what, ids.length / secs / 1e6, check);
    }
}
