package org.hprofdiff.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hprofdiff.index.bench.IndexMain;
import org.hprofdiff.index.store.SequentialWriter;
import org.hprofdiff.index.testprograms.BulkGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fills up during the build, and a dump in a read-only directory (tmpfs mounts, as root). */
class FilesystemLimitsTest {
    @TempDir
    Path dir;

    /** The disk fills up early (first pass) or late (second pass). */
    @ParameterizedTest
    @ValueSource(strings = {"2m", "16m"})
    void fullDiskFailsWithOneLineAndLeavesNoIndex(String size) throws Exception {
        Path dump = TestDumps.copy(TestDumps.dumpOf(BulkGraph.class, List.of()), dir);
        try (TmpfsMount small = TmpfsMount.mount(dir.resolve("small"), size)) {
            // in a child JVM, so that a fault in a mapped write could not take the test JVM down with it
            Process p = TestDumps.childJvm(List.of("-Xmx256m", "--enable-native-access=ALL-UNNAMED"), IndexMain.class,
                    "--index-dir", small.dir.toString(), dump.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(3, p.exitValue(), output);
            String error = output.lines().filter(l -> l.startsWith("index: ") && l.contains("space")).findFirst().orElse(null);
            assertTrue(error != null, "one line naming the lack of space: " + output);
            assertFalse(output.contains("Exception"), output);
            try (Stream<Path> left = Files.list(small.dir)) {
                assertEquals(List.of(), left.filter(f -> !f.getFileName().toString().endsWith(".lock")).toList(),
                        "no index and no temporary files remain");
            }
        }
        // with room, the same build succeeds
        try (DumpIndex index = IndexCache.openOrBuild(dump, IndexOptions.defaults().withEnvironment(Map.of()), BuildProgress.SILENT)) {
            assertEquals(List.of(), index.verify());
        }
    }

    /** The disk fills while buffers are written behind the caller: the failure is the caller's, as an IOException naming the file. */
    @Test
    void aWriteBehindThatFindsTheDiskFullIsThrownToTheWriter() throws Exception {
        try (TmpfsMount small = TmpfsMount.mount(dir.resolve("tiny"), "1m")) {
            Path file = small.dir.resolve("column");
            IOException e;
            try (SequentialWriter w = SequentialWriter.column(file, "test.full", new byte[16], 8)) {
                // 8 MiB into 1 MiB: a buffer written behind fails, and a later flush (not only finish) throws it
                e = assertThrows(IOException.class, () -> {
                    for (long i = 0; i < 1 << 20; i++) w.putLong(i);
                });
            }
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("space"), e.getMessage());
        }
    }

    @Test
    void readOnlyDumpDirectorySendsTheIndexToTheUserCache() throws Exception {
        Path source = TestDumps.knownGraph();
        try (TmpfsMount ro = TmpfsMount.mount(dir.resolve("ro"), "64m")) {
            Path dump = TestDumps.copy(source, ro.dir);
            ro.remountReadOnly();
            Path cache = dir.resolve("cache");
            IndexCacheTest.Recorder r = new IndexCacheTest.Recorder();
            IndexOptions options = IndexOptions.defaults().withEnvironment(Map.of("XDG_CACHE_HOME", cache.toString()));
            try (DumpIndex index = IndexCache.openOrBuild(dump, options, r)) {
                assertTrue(index.location().startsWith(cache.resolve("hprof-diff")), index.location().toString());
                assertEquals(List.of(), index.verify());
            }
            assertTrue(r.notes.stream().anyMatch(n -> n.contains("not writable") && n.contains("user cache")), r.notes.toString());
            IndexCacheTest.Recorder again = new IndexCacheTest.Recorder();
            try (DumpIndex index = IndexCache.openOrBuild(dump, options, again)) {
                assertFalse(again.built(), "the cached index is found again");
            }
        }
    }
}
