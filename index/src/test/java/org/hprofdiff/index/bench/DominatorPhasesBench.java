package org.hprofdiff.index.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hprofdiff.index.DumpIndex;
import org.hprofdiff.index.HeapAnalysis;
import org.hprofdiff.index.IndexCache;
import org.hprofdiff.index.IndexGraph;
import org.hprofdiff.index.IndexOptions;
import org.hprofdiff.index.graph.PhaseListener;
import org.hprofdiff.index.graph.dominators.DominatorTree;
import org.hprofdiff.index.graph.dominators.Dominators;
import org.hprofdiff.index.graph.offheap.Scratch;

/**
 * Where the dominator computation's time goes, on a dump's built index (not a test; run by bench/dominators.sh):
 * {@code DominatorPhasesBench DUMP INDEX_DIR [rounds [scratch memory MiB]]} (default: what {@link HeapAnalysis} uses). Computes the tree {@code rounds} times in one JVM (the
 * first round includes compiling the code) and prints each phase's wall time and the CPU time of the whole
 * process during it (both cores' work; on a shared machine the CPU figure is the one other jobs do not
 * distort), then the queries that read the stored tree: the top of the tree, a scan for an unlisted object's
 * children, retained sizes grouped by class over the whole tree.
 */
public final class DominatorPhasesBench {
    private DominatorPhasesBench() {}

    public static void main(String[] args) throws Exception {
        Path dump = Path.of(args[0]);
        Path indexDir = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long scratchMemory = args.length > 3 ? Long.parseLong(args[3]) << 20 : -1;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (DumpIndex index = IndexCache.openExisting(dump, IndexOptions.defaults().withIndexDir(indexDir))
                .orElseThrow(() -> new IllegalStateException("no index for " + dump + " in " + indexDir))) {
            IndexGraph graph = new IndexGraph(index);
            long n = graph.nodeCount();
            System.out.printf(Locale.ROOT, "objects %,d, references %,d, %d cores%n", n, graph.firstEdge(n), Runtime.getRuntime().availableProcessors());
            Path file = index.location().resolve("bench.dominators");
            for (int round = 1; round <= rounds; round++) {
                Map<String, long[]> phases = new LinkedHashMap<>();
                long[] last = {System.nanoTime(), os.getProcessCpuTime(), systemMillis()};
                long wall0 = last[0];
                long cpu0 = last[1];
                long sys0 = last[2];
                PhaseListener listener = (phase, millis) -> {
                    long now = System.nanoTime();
                    long cpu = os.getProcessCpuTime();
                    long sys = systemMillis();
                    phases.put(phase, new long[] {(now - last[0]) / 1_000_000, (cpu - last[1]) / 1_000_000, sys - last[2]});
                    last[0] = now;
                    last[1] = cpu;
                    last[2] = sys;
                };
                try (Scratch scratch = Scratch.preferMemory(index.location(), scratchMemory >= 0 ? scratchMemory : HeapAnalysis.Options.DEFAULT.scratchMemoryBytes());
                     DominatorTree tree = Dominators.compute(graph, Dominators.Options.DEFAULT, file, scratch, listener)) {
                    long wall = (System.nanoTime() - wall0) / 1_000_000;
                    long cpu = (os.getProcessCpuTime() - cpu0) / 1_000_000;
                    System.out.printf(Locale.ROOT, "round %d: %,d ms wall, %,d ms CPU (%,d ms system; %.2f cores), %.1f M objects/s; stored %.2f bytes/object%n",
                            round, wall, cpu, systemMillis() - sys0, (double) cpu / wall, n / 1000.0 / wall, (double) Files.size(file) / n);
                    phases.forEach((phase, t) -> System.out.printf(Locale.ROOT, "  %-36s %,8d ms wall %,8d ms CPU %,8d ms system%n", phase, t[0], t[1], t[2]));
                    DominatorTree.Storage st = tree.storage();
                    System.out.printf(Locale.ROOT, "  stored: %,d bytes; children listed from %,d bytes retained: %,d objects, %,d children"
                            + " (+ %,d below the virtual root); %,d retained sizes overflow%n", st.fileBytes(), st.listThreshold(), st.listedParents(),
                            st.listedChildren(), tree.childCount(tree.virtualRoot()), st.overflowing());
                    if (round == rounds) queries(graph, tree, scratch, os);
                }
            }
            Files.deleteIfExists(file);
            System.out.printf("peak RSS %s (mapped index pages included)%n", rssPeak());
        }
    }

    private static void queries(IndexGraph graph, DominatorTree tree, Scratch scratch, OperatingSystemMXBean os) {
        long t0 = System.nanoTime();
        long[] top = tree.largestChildren(tree.virtualRoot(), 25);
        report("25 largest below the virtual root", t0);
        long small = -1;
        for (long x = 0; x < tree.nodeCount() && small < 0; x += 997) {
            if (tree.reachability(x).inTree() && tree.retainedSize(x) < 64) small = x;
        }
        long t1 = System.nanoTime();
        long[][] scanned = tree.largestChildren(new long[] {small, top.length > 0 ? top[0] : small}, 5);
        report("children of an unlisted object (one scan)", t1);
        long t2 = System.nanoTime();
        long[] byClass = tree.retainedByGroup(graph, c -> c, graph.classCount(), scratch);
        report("retained by group (all classes, whole tree)", t2);
        for (int c = 0; c < byClass.length; c++) {
            if (byClass[c] != tree.classRetained(c)) throw new AssertionError("class " + c + ": walk " + byClass[c] + ", stored " + tree.classRetained(c));
        }
        System.out.printf(Locale.ROOT, "  (grouped sums equal the stored class-level sums; %d children found by the scan)%n", scanned[0].length + scanned[1].length);
    }

    private static void report(String what, long startNanos) {
        System.out.printf(Locale.ROOT, "  query: %-44s %,8d ms%n", what, (System.nanoTime() - startNanos) / 1_000_000);
    }

    /** System (kernel) CPU time of this process so far, from /proc (page faults, mapping, zeroing); 10 ms steps. */
    private static long systemMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[12]) * 10; // stime, field 15, in clock ticks of 10 ms
        } catch (Exception e) {
            return 0;
        }
    }

    private static String rssPeak() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) return (Long.parseLong(line.replaceAll("\\D", "")) >> 10) + " MB";
        }
        return "unknown";
    }
}
