package org.hprofdiff.index.graph.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.dominators.Dominators;
import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * Dominators and retained sizes of a large random graph ({@link RandomHeapGraph}); prints per-phase wall
 * time, objects per second, peak RSS and peak heap. Run with -Xmx1g:
 * <pre>java -Xmx1g -cp ... org.hprofdiff.index.graph.bench.DominatorBench NODES [memory|DIR]</pre>
 */
public final class DominatorBench {
    public static void main(String[] args) throws Exception {
        long nodes = Long.parseLong(args[0].replace("_", ""));
        String where = args.length > 1 ? args[1] : "memory";
        Path out = Files.createTempDirectory("dombench");
        try (Scratch graphMemory = Scratch.inMemory();
             Scratch scratch = where.equals("memory") ? Scratch.inMemory() : Scratch.inDirectory(Path.of(where))) {
            long t0 = System.nanoTime();
            RandomHeapGraph g = new RandomHeapGraph(nodes, 42, graphMemory);
            System.out.printf("graph: %,d objects, %,d references, generated in %d ms; RSS %s%n", nodes, g.edgeCount(),
                    (System.nanoTime() - t0) / 1_000_000, Rss.peak());
            long t1 = System.nanoTime();
            var threads = ManagementFactory.getThreadMXBean();
            long[] cpu = {threads.getCurrentThreadCpuTime()};
            try (DominatorTree tree = Dominators.compute(g, Dominators.Options.DEFAULT, out.resolve("bench.dom"), scratch,
                    (phase, ms) -> {
                        long now = threads.getCurrentThreadCpuTime();
                        System.out.printf("  %-40s %,8d ms wall %,8d ms cpu%n", phase, ms, (now - cpu[0]) / 1_000_000);
                        cpu[0] = now;
                    })) {
                long ms = (System.nanoTime() - t1) / 1_000_000;
                System.out.printf("dominators + retained sizes: %,d ms = %.1f M objects/s; in tree %,d objects, unreachable %,d%n", ms,
                        nodes / 1000.0 / ms, tree.summary().inTree().objects(), tree.summary().of(
                                org.hprofdiff.index.graph.dominators.Reachability.UNREACHABLE).objects());
            }
            System.out.printf("peak RSS %s, peak heap used %,d MB (scratch: %s)%n", Rss.peak(),
                    ManagementFactory.getMemoryPoolMXBeans().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20, where);
        } finally {
            try (var files = Files.list(out)) { for (Path p : files.toList()) Files.delete(p); }
            Files.delete(out);
        }
    }
}
