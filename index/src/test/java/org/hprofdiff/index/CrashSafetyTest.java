package org.hprofdiff.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hprofdiff.index.bench.IndexMain;
import org.hprofdiff.index.store.Commit;
import org.hprofdiff.index.testprograms.BulkGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a building JVM at points spread over the whole build: a committed index, if one is
 * there afterwards, is complete; the next run never takes a partial one, cleans up, and ends with an
 * index that verifies.
 */
class CrashSafetyTest {
    private static final int KILLS = 8;

    @TempDir
    Path dir;

    @Test
    void killedBuildsNeverLeaveATrustedPartialIndex() throws Exception {
        Path dump = TestDumps.copy(TestDumps.dumpOf(BulkGraph.class, List.of()), dir);
        Path indexDir = dir.resolve("indexes");
        IndexOptions options = IndexOptions.defaults().withEnvironment(Map.of()).withIndexDir(indexDir);
        long start = System.nanoTime();
        Process full = build(dump, indexDir);
        assertTrue(full.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, full.exitValue());
        long fullNanos = System.nanoTime() - start;
        Random random = new Random(20251125);
        int interruptedMidBuild = 0;
        for (int k = 0; k < KILLS; k++) {
            Commit.deleteTree(indexDir);
            Process p = build(dump, indexDir);
            long at = fullNanos * (k + 1) / (KILLS + 1) + (long) (random.nextGaussian() * fullNanos / 50);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, at));
            p.destroyForcibly();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            if (hasTemporary(indexDir)) interruptedMidBuild++;
            // whatever is under the final name must be complete
            Optional<DumpIndex> committed = IndexCache.openExisting(dump, options);
            if (committed.isPresent()) {
                try (DumpIndex index = committed.get()) {
                    assertEquals(List.of(), index.verify(), "kill " + k + " at " + at / 1_000_000 + " ms left a committed index that does not verify");
                }
            }
            try (DumpIndex index = IndexCache.openOrBuild(dump, options, BuildProgress.SILENT)) {
                assertEquals(List.of(), index.verify(), "after kill " + k);
            }
            assertFalse(hasTemporary(indexDir), "the rebuild removed the killed build's temporary files");
        }
        assertTrue(interruptedMidBuild >= KILLS / 2, "most kills hit a build in progress (" + interruptedMidBuild + " of " + KILLS + ")");
    }

    private static Process build(Path dump, Path indexDir) throws Exception {
        return TestDumps.childJvm(List.of("-Xmx256m", "--enable-native-access=ALL-UNNAMED"), IndexMain.class,
                "--index-dir", indexDir.toString(), dump.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static boolean hasTemporary(Path indexDir) throws Exception {
        if (!Files.isDirectory(indexDir)) return false;
        try (Stream<Path> files = Files.list(indexDir)) {
            return files.anyMatch(p -> p.getFileName().toString().contains(".hdidx.tmp-"));
        }
    }
}
