package org.hprofdiff.index.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.read.DumpFormatException;
import org.hprofdiff.index.BuildProgress;
import org.hprofdiff.index.DumpIndex;
import org.hprofdiff.index.IndexCache;
import org.hprofdiff.index.IndexManifest;
import org.hprofdiff.index.IndexOptions;

/**
 * A picocli-free entry point for building and checking an index, for the bench scripts and for tests that
 * build in a child JVM ({@code hprof-diff index} is the product's command and makes the same calls); it lives
 * in the test sources so that the product has one command line: {@code java -cp ... org.hprofdiff.index.bench.IndexMain [--verify] [--no-cache]
 * [--index-dir DIR] [--threads N] DUMP}. Prints the manifest's counts and build times on stdout, notes
 * on stderr; exit 0 when the index is usable (and, with --verify, intact), 1 when verify finds
 * problems, 2 on bad arguments or an unreadable dump, 3 on I/O errors.
 */
public final class IndexMain {
    private IndexMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        IndexOptions options = IndexOptions.defaults();
        boolean verify = false;
        Path dump = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--verify" -> verify = true;
                case "--no-cache" -> options = options.withNoCache(true);
                case "--index-dir" -> {
                    if (++i == args.length) return usage(err, "--index-dir needs a directory");
                    options = options.withIndexDir(Path.of(args[i]));
                }
                case "--threads" -> {
                    if (++i == args.length) return usage(err, "--threads needs a number");
                    try {
                        options = options.withThreads(Integer.parseInt(args[i]));
                    } catch (IllegalArgumentException e) {
                        return usage(err, "--threads needs a positive number, not '" + args[i] + "'");
                    }
                }
                default -> {
                    if (args[i].startsWith("-") || dump != null) return usage(err, "unexpected argument '" + args[i] + "'");
                    dump = Path.of(args[i]);
                }
            }
        }
        if (dump == null) return usage(err, "no dump given");
        BuildProgress progress = new BuildProgress() {
            @Override
            public void phase(String name, long total) { err.println("index: " + name); }

            @Override
            public void note(String line) { err.println("index: " + line); }
        };
        try (DumpIndex index = IndexCache.openOrBuild(dump, options, progress)) {
            IndexManifest m = index.manifest();
            IndexManifest.Counts c = m.counts();
            out.println("index     " + index.location());
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("objects", c.objects());
            counts.put("edges", c.edges());
            counts.put("classes", (long) c.classes());
            counts.put("roots", c.roots());
            counts.put("threads", (long) c.threads());
            counts.put("missingReferences", c.missingReferences());
            counts.put("duplicateIds", c.duplicateIds());
            counts.put("layoutMismatches", c.layoutMismatches());
            counts.forEach((name, value) -> out.printf("%-18s %s%n", name, value));
            for (IndexManifest.PhaseTime p : m.phases()) {
                out.printf("%-18s %7s ms  (cpu %s ms, of which system %s ms)%n", p.name(), p.wallMillis(), p.cpuMillis(),
                        p.systemMillis() < 0 ? "?" : p.systemMillis());
            }
            if (verify) {
                List<String> problems = index.verify();
                problems.forEach(p -> out.println("problem: " + p));
                out.println(problems.isEmpty() ? "verify: ok" : "verify: " + problems.size() + " problem(s)");
                return problems.isEmpty() ? 0 : 1;
            }
            return 0;
        } catch (DumpFormatException e) {
            err.println("index: " + e.getMessage());
            return 2;
        } catch (java.io.IOException e) {
            err.println("index: " + e.getMessage());
            return 3;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("index: " + problem + "; usage: IndexMain [--verify] [--no-cache] [--index-dir DIR] [--threads N] DUMP");
        return 2;
    }
}
