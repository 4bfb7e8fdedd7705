package org.hprofdiff.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The index is the same, byte for byte (every file, every manifest entry but the build's timings), whatever the
 * number of threads its first and second passes run on: same ordinals, positions, ids, classes, sizes, edges,
 * roots and threads. On a JDK 25 dump, a JDK 25 parallel dump ({@code jcmd GC.heap_dump -parallel=4}), the
 * synthetic shapes (Android, shuffled objects, JDK 22+ order with class dumps after the objects), the old JVMs'
 * dumps (one HEAP_DUMP record, 4-byte ids, the agent's two dumps, gzip) and a truncated dump.
 */
class ParallelBuildTest {
    @TempDir Path dir;

    static Stream<Arguments> dumps() throws Exception {
        return DumpCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void sameIndexOnOneTwoAndFourThreads(DumpCases c) throws Exception {
        assertSameIndexes(c.dump(), c.dumpNumber());
    }

    @Test
    void truncatedDump() throws Exception {
        Path whole = SyntheticDumps.largeGenerated();
        Path cut = dir.resolve("cut.hprof");
        try (var in = Files.newInputStream(whole); var out = Files.newOutputStream(cut)) {
            out.write(in.readNBytes((int) (Files.size(whole) * 3 / 5)));
        }
        assertSameIndexes(cut, 1);
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
    }
}
