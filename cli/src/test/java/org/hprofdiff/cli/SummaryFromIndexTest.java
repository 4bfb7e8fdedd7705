package org.hprofdiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dump is read once: once indexed, {@code histogram}, {@code summary}, {@code info}, {@code diff} and {@code report}
 * take its summary from the index instead of reading it again, and print exactly what they printed from the dump,
 * byte for byte, in every format and option tried here: the three connection-reaper dumps (JDK of the tests),
 * and where ../shared/dumps is present an agent file's second heap dump and a gzip JDK 11 dump. Each command runs
 * with {@code --verbose}, whose lines say where the summary came from. ({@code summary} runs with {@code --no-paths}:
 * with paths it needs the index, so it has no "before".)
 */
class SummaryFromIndexTest {
    @TempDir Path dir;

    private Map<String, String> env() {
        return Map.of("HPROF_DIFF_INDEX_DIR", dir.resolve("indexes").toString());
    }

    private List<Path> reaperCopies() throws IOException {
        List<Path> copies = new ArrayList<>();
        for (Path d : ReaperDumps.get().dumps()) copies.add(Files.copy(d, Files.createDirectories(dir.resolve("dumps")).resolve(d.getFileName())));
        return copies;
    }

    /** Runs each command line before and after indexing the dumps, and compares what they print. */
    private void assertSameBeforeAndAfterIndexing(List<Path> dumps, List<List<String>> commands, String dumpOption) {
        List<Run.Result> before = new ArrayList<>();
        List<String> printed = new ArrayList<>();
        for (List<String> c : commands) {
            clearReports();
            Run.Result r = Run.main(env(), verbose(c));
            assertTrue(r.code() == 0 || r.code() == 5, r::toString);
            assertFalse(r.err().contains("from its index"), () -> "no index yet: " + r);
            before.add(r);
            printed.add(r.out() + reports());
        }
        for (Path d : dumps) {
            List<String> index = new ArrayList<>(List.of("index"));
            if (dumpOption != null) index.addAll(List.of("--dump", dumpOption));
            index.add(d.toString());
            Run.Result built = Run.main(env(), index.toArray(String[]::new));
            assertEquals(0, built.code(), built::toString);
        }
        for (int i = 0; i < commands.size(); i++) {
            clearReports();
            Run.Result r = Run.main(env(), verbose(commands.get(i)));
            assertTrue(r.err().contains("from its index"), () -> "the index should be used: " + r);
            assertFalse(r.err().contains("hprof-diff: read "), () -> "the dump should not be read: " + r);
            assertEquals(before.get(i).code(), r.code(), r::toString);
            assertEquals(printed.get(i), r.out() + reports(), String.join(" ", commands.get(i)));
        }
    }

    private void clearReports() {
        ReaperDumps.delete(dir.resolve("reports"));
    }

    /** The files {@code report -o} wrote, name and content, to compare with stdout. */
    private String reports() {
        Path reports = dir.resolve("reports");
        if (!Files.isDirectory(reports)) return "";
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(reports)) {
            for (Path f : files.sorted().toList()) all.append("\n--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all.toString();
    }

    private static String[] verbose(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add(1, "--verbose");
        return args.toArray(String[]::new);
    }

    @Test
    void singleDumpCommands() throws IOException {
        String d = reaperCopies().get(2).toString();
        List<List<String>> commands = new ArrayList<>();
        for (List<String> options : List.of(List.<String>of(), List.of("--all"), List.of("--group-by", "package"), List.of("--group-by", "loader"),
                List.of("--arrays-by-length", "--all"), List.of("--sort", "count", "--filter", "Http"), List.of("--format", "csv", "--all"),
                List.of("--format", "json", "--all"))) {
            List<String> c = new ArrayList<>(List.of("histogram"));
            c.addAll(options);
            c.add(d);
            commands.add(c);
        }
        commands.add(List.of("summary", "--no-paths", d));
        commands.add(List.of("info", d));
        commands.add(List.of("info", "--format", "json", d));
        assertSameBeforeAndAfterIndexing(List.of(Path.of(d)), commands, null);
    }

    @Test
    void comparisons() throws IOException {
        List<Path> d = reaperCopies();
        List<String> dumps = d.stream().map(Path::toString).toList();
        List<List<String>> commands = new ArrayList<>();
        commands.add(concat(List.of("diff", "--no-paths"), dumps));
        commands.add(concat(List.of("diff", "--no-paths", "--all", "--format", "json"), dumps));
        commands.add(concat(List.of("diff", "--no-paths", "--format", "csv"), dumps));
        commands.add(concat(List.of("report", "--no-paths", "-o", dir.resolve("reports").toString()), dumps));
        assertSameBeforeAndAfterIndexing(d, commands, null);
    }

    /** With paths, every dump is indexed on first sight and the summary taken from its index: as from the dumps. */
    @Test
    void aComparisonWithPathsIndexesEachDumpOnceAndPrintsWhatTheDumpsGive() throws IOException {
        List<String> dumps = reaperCopies().stream().map(Path::toString).toList();
        Run.Result fromDumps = Run.main(env(), concat(List.of("diff", "--verbose", "--no-cache"), dumps).toArray(String[]::new));
        assertEquals(0, fromDumps.code(), fromDumps::toString);
        assertTrue(fromDumps.err().contains("hprof-diff: read "), fromDumps::toString);
        Run.Result indexing = Run.main(env(), concat(List.of("diff", "--verbose"), dumps).toArray(String[]::new));
        assertEquals(0, indexing.code(), indexing::toString);
        assertFalse(indexing.err().contains("hprof-diff: read "), () -> "no dump read for its summary alone: " + indexing);
        assertEquals(3, indexing.err().lines().filter(l -> l.contains("from its index")).count(), indexing::toString);
        assertEquals(fromDumps.out(), indexing.out());
        try (Stream<Path> indexes = Files.list(dir.resolve("indexes"))) {
            assertEquals(3, indexes.filter(p -> p.getFileName().toString().endsWith(".hdidx")).count(), "one index per dump");
        }
    }

    @Test
    void anAgentFilesSecondHeapDump() {
        Path agent = SharedInputs.require("sun_jdk6_31_hprofagent_compressedOops.hprof");
        String a = agent.toString();
        assertSameBeforeAndAfterIndexing(List.of(agent), List.of(List.of("histogram", "--dump", "2", "--all", a),
                List.of("summary", "--no-paths", "--dump", "2", a), List.of("info", "--dump", "2", a)), "2");
    }

    @Test
    void aGzipDump() {
        Path gz = SharedInputs.require("openjdk_jdk11_04_x64.hprof.gz");
        String g = gz.toString();
        assertSameBeforeAndAfterIndexing(List.of(gz), List.of(List.of("histogram", "--all", g), List.of("summary", "--no-paths", g), List.of("info", g)), null);
    }

    /**
     * A dump whose loader objects come before the class dumps naming them (JDK 22+ order): every way of reading it
     * names the loaders alike (core's loader pass, which the CLI used to skip: it printed "unknown loader"), from the
     * dump and from its index, and as core's sequential summary does.
     */
    @Test
    void loaderLabelsAreTheSameEveryWay() throws Exception {
        org.hprofdiff.testdata.synth.SyntheticHeap heap = new org.hprofdiff.testdata.synth.SyntheticHeap(org.hprofdiff.testdata.synth.HeapOptions.hotspot64());
        var loaderClass = heap.newClass("com.example.PluginLoader").superclass(heap.systemClass("java.lang.ClassLoader")).define();
        var loader1 = heap.instance(loaderClass);
        var loader2 = heap.instance(loaderClass);
        var plugin1 = heap.newClass("com.example.Plugin").loader(loader1).field("id", org.hprofdiff.testdata.synth.BasicType.INT).define();
        var plugin2 = heap.newClass("com.example.Plugin").loader(loader2).field("id", org.hprofdiff.testdata.synth.BasicType.INT).define();
        for (int i = 0; i < 30; i++) heap.instance(i % 3 == 0 ? plugin2 : plugin1);
        Path dump = Files.write(Files.createDirectories(dir.resolve("dumps")).resolve("plugins.hprof"),
                heap.toBytes(org.hprofdiff.testdata.synth.Layout.parallel(3, 1).withSegmentBodyLimit(2048)));
        String expected;
        try (org.hprofdiff.core.read.HprofFile f = org.hprofdiff.core.read.HprofFile.open(dump)) {
            var r = org.hprofdiff.core.summary.Summarizer.summarize(f, org.hprofdiff.core.read.HprofReader.Options.DEFAULT,
                    org.hprofdiff.core.size.SizeModelOverrides.NONE, 1, org.hprofdiff.core.read.ReadProgress.NONE);
            expected = org.hprofdiff.core.summary.SummaryJson.toJson(r.summary());
        }
        assertTrue(expected.contains("\"com.example.PluginLoader#1\"") && expected.contains("\"com.example.PluginLoader#2\""), expected);
        assertSameBeforeAndAfterIndexing(List.of(dump), List.of(List.of("summary", "--no-paths", dump.toString()),
                List.of("histogram", "--group-by", "loader", dump.toString())), null);
        Run.Result fromIndex = Run.main(env(), "summary", "--no-paths", dump.toString());
        assertEquals(expected, fromIndex.out().strip(), "the CLI's summary is core's sequential one");
    }

    @Test
    void anIndexBuiltWithOtherSizeOptionsIsNotUsedForTheSummary() throws IOException {
        String d = reaperCopies().get(0).toString();
        assertEquals(0, Run.main(env(), "index", d).code());
        Run.Result given = Run.main(env(), "histogram", "--verbose", "--header-bytes", "12", d);
        assertEquals(0, given.code(), given::toString);
        assertTrue(given.err().contains("hprof-diff: read "), () -> "the summary must come from the dump: " + given);
        assertTrue(given.out().contains("(header 12 bytes given; the rest inferred"), given::toString);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
