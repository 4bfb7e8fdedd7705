package org.hprofdiff.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hprofdiff.core.read.DirectSpans;
import org.hprofdiff.core.read.HprofFile;
import org.hprofdiff.core.size.SizeModelOverrides;
import org.hprofdiff.index.build.IndexBuilder;
import org.hprofdiff.index.store.DumpIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The index is the same, byte for byte (every file, every manifest entry but the build's timings), whatever the
 * number of threads its first and second passes run on, and whether they read the dump through the page cache or
 * into memory with O_DIRECT (what they do for a dump too big for the page cache; where the file system allows it):
 * same ordinals, positions, ids, classes, sizes, edges, roots and threads. On a JDK 25 dump, a JDK 25 parallel dump
 * ({@code jcmd GC.heap_dump -parallel=4}), the synthetic shapes (Android, shuffled objects, JDK 22+ order with class
 * dumps after the objects), the old JVMs' dumps (one HEAP_DUMP record, 4-byte ids, the agent's two dumps, gzip) and a
 * truncated dump.
 */
class ParallelBuildTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.hprofdiff.index.DumpCases#all")
    void sameIndexOnOneTwoAndFourThreadsAndWithoutThePageCache(DumpCases c) throws Exception {
        assertSameIndexes(c.dump(), c.dumpNumber());
    }

    @Test
    void truncatedDump() throws Exception {
        assertSameIndexes(SyntheticDumps.largeGeneratedCut(dir), 1);
    }

    private void assertSameIndexes(Path dump, int dumpNumber) throws Exception {
        Map<String, String> first = null;
        for (int threads : new int[] {1, 2, 4}) {
            Path where = dir.resolve(dump.getFileName() + "-" + dumpNumber + "-" + threads);
            IndexOptions options = IndexOptions.defaults().withEnvironment(Map.of()).withIndexDir(where).withThreads(threads).withDumpNumber(dumpNumber);
            Path location;
            try (DumpIndex index = IndexCache.openOrBuild(dump, options, BuildProgress.SILENT)) {
                assertEquals(List.of(), index.verify(), "index of " + dump + " on " + threads + " threads");
                location = index.location();
            }
            Map<String, String> contents = IndexContents.of(location);
            assertTrue(contents.keySet().stream().anyMatch(k -> k.startsWith("file ")), "files of " + location);
            if (first == null) first = contents;
            else assertEquals(List.of(), IndexContents.differences(first, contents), dump + ": the index on " + threads + " threads differs from the one-thread build");
        }
        try (HprofFile f = HprofFile.open(dump)) {
            if (!f.isRandomAccess() || !DirectSpans.possible(dump)) return; // a gzip dump is indexed from a decompressed copy
            Path work = Files.createDirectories(dir.resolve(dump.getFileName() + "-" + dumpNumber + "-direct"));
            DumpIdentity identity = DumpIdentity.of(dump, f.header().version(), f.header().idSize(), f.header().timestampMillis());
            new IndexBuilder(f, identity, work, SizeModelOverrides.NONE, 2, dumpNumber, BuildProgress.SILENT).bypassPageCache(true).build();
            assertEquals(List.of(), IndexContents.differences(first, IndexContents.of(work)), dump + ": the index read without the page cache differs");
        }
    }
}
